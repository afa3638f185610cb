package io.clusterproof.snapshot;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A registered cluster with its last run, as the clusters view lists it. */
public record ClusterSummary(
        long id,
        ClusterDefinition definition,
        @Nullable Instant nextRunAt,
        @Nullable RunSummary lastRun,
        @Nullable MissingKindsSummary missingKinds) {

    public String name() {
        return definition.name();
    }

    /** Kinds the latest snapshot lacks, as one line. */
    public record MissingKindsSummary(int count, String kinds) {}
}
