package io.clusterproof.assessment;

/** The status of one control in one assessment. */
public enum ControlStatus {
    PASS,
    FAIL,
    UNKNOWN,
    ERROR,
    /** No in-scope resource was matched by the control's checks. */
    NOT_APPLICABLE,
    /** No API object can prove it, and no valid attestation exists. */
    NEEDS_ATTESTATION,
    /** A valid attestation covers it. */
    ATTESTED;

    /** Whether the control counts in the control score's denominator. */
    public boolean assessable() {
        return this == PASS || this == FAIL || this == NEEDS_ATTESTATION || this == ATTESTED;
    }

    public boolean passing() {
        return this == PASS || this == ATTESTED;
    }
}
