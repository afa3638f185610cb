package io.clusterproof.remediation;

/** A waiver's decision state; whether it applies also depends on its expiry. */
public enum WaiverStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    REVOKED
}
