package io.clusterproof.snapshot;

/** What started a collection run. */
public enum RunTrigger {
    SCHEDULE,
    MANUAL,
    UPLOAD,
    DEMO,
    AGENT
}
