package io.clusterproof.assessment;

/** The result of one check on one resource. */
public enum FindingStatus {
    PASS,
    FAIL,
    /** It fails, and an approved, unexpired waiver covers it. */
    WAIVED,
    /** The data the check needs was not collected. */
    UNKNOWN,
    /** The rule could not be evaluated. */
    ERROR,
    /** The check does not apply to this resource. */
    NOT_APPLICABLE;

    /** Counts as passing for the control and resource scores. */
    public boolean passing() {
        return this == PASS || this == WAIVED;
    }
}
