package io.clusterproof.snapshot;

import java.time.Instant;

/** A snapshot was stored. Published in the transaction that stored it. */
public record SnapshotCollected(long snapshotId, long clusterId, Instant takenAt, boolean partial) {}
