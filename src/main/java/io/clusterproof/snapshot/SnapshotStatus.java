package io.clusterproof.snapshot;

/** Whether a snapshot holds every kind, or lacks some that could not be read. */
public enum SnapshotStatus {
    COMPLETE,
    PARTIAL
}
