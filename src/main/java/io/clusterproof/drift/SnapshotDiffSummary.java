package io.clusterproof.drift;

import io.clusterproof.snapshot.SnapshotSummary;
import java.util.List;

/**
 * What differs between two snapshots of a cluster, counted per namespace and kind.
 *
 * @param groups counts per namespace and kind, objects owned by a controller left out
 * @param controlledChanges changes to objects owned by a controller, counted apart
 */
public record SnapshotDiffSummary(
        SnapshotSummary from, SnapshotSummary to, List<ChangeCount> groups, int controlledChanges) {

    public int added() {
        return groups.stream().mapToInt(ChangeCount::added).sum();
    }

    public int changed() {
        return groups.stream().mapToInt(ChangeCount::changed).sum();
    }

    public int removed() {
        return groups.stream().mapToInt(ChangeCount::removed).sum();
    }

    public int total() {
        return added() + changed() + removed();
    }
}
