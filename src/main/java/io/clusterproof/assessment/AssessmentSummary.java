package io.clusterproof.assessment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored assessment. {@code lineage} is 0 for the cluster's main sequence, else the assessment's own id. */
public record AssessmentSummary(
        long id,
        long clusterId,
        long snapshotId,
        long lineage,
        @Nullable Long previousId,
        Instant snapshotTakenAt,
        Instant assessedAt,
        String catalogDigest,
        boolean partial,
        String requestedBy,
        int findingCount,
        int durationMillis) {

    public boolean mainLineage() {
        return lineage == 0;
    }

    /** The lineage value its findings are stored under. */
    long findingLineage() {
        return lineage == 0 ? 0 : id;
    }
}
