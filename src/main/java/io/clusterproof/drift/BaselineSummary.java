package io.clusterproof.drift;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A named audit baseline: the snapshot to compare "now" with. */
public record BaselineSummary(
        long id,
        long clusterId,
        long snapshotId,
        Instant snapshotTakenAt,
        String name,
        @Nullable String note,
        String markedBy,
        Instant markedAt) {}
