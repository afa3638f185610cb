package io.clusterproof.snapshot;

/** Outcome of a collection run. */
public enum RunStatus {
    RUNNING,
    /** Every kind was collected. */
    SUCCEEDED,
    /** A snapshot was stored, but some kinds could not be read. */
    PARTIAL,
    /** The source could not be reached or read at all; no snapshot. */
    FAILED,
    /** The process stopped while the run was going on; nothing of it was stored. */
    INTERRUPTED;

    public boolean finished() {
        return this != RUNNING;
    }
}
