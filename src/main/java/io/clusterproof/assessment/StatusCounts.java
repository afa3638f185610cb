package io.clusterproof.assessment;

/** How many items had each status (controls use all fields; findings use the first six). */
public record StatusCounts(
        int pass, int fail, int waived, int unknown, int error, int notApplicable, int needsAttestation, int attested) {

    public static final StatusCounts NONE = new StatusCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public StatusCounts plus(StatusCounts other) {
        return new StatusCounts(
                pass + other.pass,
                fail + other.fail,
                waived + other.waived,
                unknown + other.unknown,
                error + other.error,
                notApplicable + other.notApplicable,
                needsAttestation + other.needsAttestation,
                attested + other.attested);
    }

    /** How many findings have this status. */
    public int of(FindingStatus status) {
        return switch (status) {
            case PASS -> pass;
            case FAIL -> fail;
            case WAIVED -> waived;
            case UNKNOWN -> unknown;
            case ERROR -> error;
            case NOT_APPLICABLE -> notApplicable;
        };
    }

    public int total() {
        return pass + fail + waived + unknown + error + notApplicable + needsAttestation + attested;
    }
}
