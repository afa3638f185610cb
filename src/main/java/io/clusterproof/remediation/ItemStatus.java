package io.clusterproof.remediation;

/** Where a remediation item stands. */
public enum ItemStatus {
    OPEN,
    IN_PROGRESS,
    /** An engineer says it is fixed; the next assessment decides. */
    PENDING_VERIFICATION,
    /** An assessment showed the finding passing. */
    RESOLVED,
    /** It failed again after being resolved, or the claimed fix did not show. */
    REOPENED,
    /** An approved, unexpired waiver covers it. */
    RISK_ACCEPTED;

    public boolean open() {
        return this != RESOLVED && this != RISK_ACCEPTED;
    }
}
