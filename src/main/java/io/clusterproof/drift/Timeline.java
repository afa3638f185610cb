package io.clusterproof.drift;

import io.clusterproof.assessment.TrendPoint;
import java.time.Instant;
import java.util.List;

/**
 * Scores over time next to what changed in the cluster: one series per framework (main lineage),
 * and per snapshot the objects it added, changed and removed against the snapshot before it (the
 * cluster's first snapshot, which adds everything, is left out).
 */
public record Timeline(List<Series> frameworks, List<SnapshotPoint> snapshots) {

    public record Series(String frameworkId, String name, List<TrendPoint> points) {}

    public record SnapshotPoint(long snapshotId, Instant takenAt, int added, int changed, int removed) {

        public int changes() {
            return added + changed + removed;
        }
    }
}
