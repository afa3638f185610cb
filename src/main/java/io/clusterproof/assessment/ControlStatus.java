package io.clusterproof.assessment;

/**
 * The status of one control in one assessment. Every status but NOT_APPLICABLE counts in the
 * control score's denominator, so data that was not collected can never raise a score.
 */
public enum ControlStatus {
    /** Every in-scope finding of its checks passes (and, for a hybrid control, a valid attestation covers the rest). */
    PASS("Pass"),
    /** It passes only because approved waivers cover failing findings. */
    PASS_WAIVED("Pass (waived)"),
    /** An in-scope finding of its checks fails, whatever was attested. */
    FAIL("Fail"),
    /** A person must attest it (or, for a hybrid control, the part the checks cannot see) and no valid attestation exists. */
    NEEDS_ATTESTATION("Needs attestation"),
    /** A valid attestation covers it. */
    ATTESTED("Attested"),
    /** The data its checks need was not collected. */
    UNKNOWN("Unknown"),
    /** A rule of its checks could not be evaluated. */
    ERROR("Error"),
    /** No in-scope object was matched by its checks; the result says why. */
    NOT_APPLICABLE("Not applicable");

    private final String label;

    ControlStatus(String label) {
        this.label = label;
    }

    /** How the status reads on screen and in the PDF. */
    public String label() {
        return label;
    }

    /** Whether the control counts in the control score's denominator. */
    public boolean counted() {
        return this != NOT_APPLICABLE;
    }

    /** Whether the control counts in the control score's numerator. */
    public boolean passing() {
        return this == PASS || this == PASS_WAIVED || this == ATTESTED;
    }
}
