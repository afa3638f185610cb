package io.clusterproof.drift.ui;

import io.clusterproof.drift.BaselineSummary;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.SnapshotSummary;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the drift view compares, resolved from its URL state: defaults filled in (the first
 * cluster, the latest snapshot and the one before it, or the baseline's snapshot), ids of other
 * clusters dropped.
 *
 * @param snapshots the cluster's latest snapshots, newest first, for the pickers
 */
record Comparison(
        List<ClusterSummary> clusters,
        @Nullable ClusterSummary cluster,
        List<SnapshotSummary> snapshots,
        List<BaselineSummary> baselines,
        @Nullable BaselineSummary baseline,
        @Nullable SnapshotSummary from,
        @Nullable SnapshotSummary to) {}
