package io.clusterproof.drift.ui;

import io.clusterproof.drift.BaselineService;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotSummary;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Turns the drift view's URL state into the cluster, snapshots and baseline it names. */
@Component
class ComparisonLookup {

    static final int PICKER_SIZE = 400;

    private final ClusterService clusters;
    private final SnapshotReader snapshots;
    private final BaselineService baselines;

    ComparisonLookup(ClusterService clusters, SnapshotReader snapshots, BaselineService baselines) {
        this.clusters = clusters;
        this.snapshots = snapshots;
        this.baselines = baselines;
    }

    Comparison resolve(DriftState state) {
        var all = clusters.list();
        var cluster = state.clusterId() == null
                ? (all.isEmpty() ? null : all.get(0))
                : all.stream()
                        .filter(c -> c.id() == state.clusterId())
                        .findFirst()
                        .orElse(null);
        if (cluster == null) {
            return new Comparison(all, null, List.of(), List.of(), null, null, null);
        }
        var list = snapshots.list(cluster.id(), PageRequest.of(0, PICKER_SIZE)).getContent();
        var clusterBaselines = baselines.list(cluster.id());
        var baseline = state.baselineId() == null
                ? null
                : clusterBaselines.stream()
                        .filter(b -> b.id() == state.baselineId())
                        .findFirst()
                        .orElse(null);
        var to = state.to() == null ? (list.isEmpty() ? null : list.get(0)) : ofCluster(state.to(), cluster.id(), list);
        SnapshotSummary from;
        if (state.from() != null) {
            from = ofCluster(state.from(), cluster.id(), list);
        } else if (baseline != null) {
            from = ofCluster(baseline.snapshotId(), cluster.id(), list);
        } else {
            from = to == null ? null : previous(to, list);
        }
        return new Comparison(all, cluster, List.copyOf(list), clusterBaselines, baseline, from, to);
    }

    /** The snapshot taken just before this one. */
    private static @Nullable SnapshotSummary previous(SnapshotSummary snapshot, List<SnapshotSummary> newestFirst) {
        for (var candidate : newestFirst) {
            if (candidate.id() < snapshot.id()) {
                return candidate;
            }
        }
        return null;
    }

    private @Nullable SnapshotSummary ofCluster(long snapshotId, long clusterId, List<SnapshotSummary> listed) {
        return listed.stream()
                .filter(s -> s.id() == snapshotId)
                .findFirst()
                .or(() -> snapshots.summary(snapshotId).filter(s -> s.clusterId() == clusterId))
                .orElse(null);
    }
}
