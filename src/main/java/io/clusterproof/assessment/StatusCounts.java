package io.clusterproof.assessment;

/** How many findings had each status. */
public record StatusCounts(int pass, int fail, int waived, int unknown, int error, int notApplicable) {

    public static final StatusCounts NONE = new StatusCounts(0, 0, 0, 0, 0, 0);

    public StatusCounts plus(StatusCounts other) {
        return new StatusCounts(
                pass + other.pass,
                fail + other.fail,
                waived + other.waived,
                unknown + other.unknown,
                error + other.error,
                notApplicable + other.notApplicable);
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
        return pass + fail + waived + unknown + error + notApplicable;
    }

    /** Resource-checks that count in the resource score: every status but NOT_APPLICABLE. */
    public int counted() {
        return pass + fail + waived + unknown + error;
    }
}
