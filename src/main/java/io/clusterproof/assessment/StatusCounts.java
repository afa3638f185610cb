package io.clusterproof.assessment;

/** How many items had each status (controls use all fields; findings use the first six). */
public record StatusCounts(
        int pass, int fail, int waived, int unknown, int error, int notApplicable, int needsAttestation, int attested) {

    public static final StatusCounts NONE = new StatusCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public int total() {
        return pass + fail + waived + unknown + error + notApplicable + needsAttestation + attested;
    }
}
