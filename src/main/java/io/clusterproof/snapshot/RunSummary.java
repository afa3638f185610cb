package io.clusterproof.snapshot;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A collection run as views and the API show it. */
public record RunSummary(
        long id,
        long clusterId,
        RunTrigger trigger,
        RunStatus status,
        String requestedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Duration duration,
        int kindsDone,
        int kindsTotal,
        int objects,
        @Nullable String message,
        @Nullable Long snapshotId) {}
