package io.clusterproof.drift;

import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.SnapshotDifferences;
import io.clusterproof.snapshot.SnapshotDifferences.Difference;
import io.clusterproof.snapshot.SnapshotDifferences.Presence;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The objects that differ between two snapshots of a cluster, as drift speaks of them: the
 * snapshot module finds them by digest (see {@link SnapshotDifferences}); this says which were
 * added, removed and changed.
 */
@Component
class SnapshotChanges {

    private final SnapshotDifferences differences;

    SnapshotChanges(SnapshotDifferences differences) {
        this.differences = differences;
    }

    /** Counts per namespace and kind, objects owned by a controller apart. */
    List<Count> counts(long clusterId, long from, long to) {
        return differences.counts(clusterId, from, to).stream()
                .map(c -> new Count(
                        new ChangeCount(c.namespace(), c.group(), c.kind(), c.added(), c.changed(), c.removed()),
                        c.controlled()))
                .toList();
    }

    record Count(ChangeCount count, boolean controlled) {}

    long count(long clusterId, long from, long to, ChangeFilter filter) {
        return differences.count(clusterId, from, to, filter(filter));
    }

    /** A page of changes, by namespace, kind and name; without field differences. */
    List<ResourceChange> page(long clusterId, long from, long to, ChangeFilter filter, long offset, int limit) {
        return differences.page(clusterId, from, to, filter(filter), offset, limit).stream()
                .map(SnapshotChanges::change)
                .toList();
    }

    /** Every change, in order, one at a time. */
    void forEach(long clusterId, long from, long to, ChangeFilter filter, Consumer<ResourceChange> consumer) {
        differences.forEach(clusterId, from, to, filter(filter), d -> consumer.accept(change(d)));
    }

    Optional<ResourceChange> one(long clusterId, long from, long to, ResourceKey key) {
        return differences.one(clusterId, from, to, key).map(SnapshotChanges::change);
    }

    /** The stored bodies with these digests, parsed: a fresh, mutable tree each. */
    Map<String, Map<String, Object>> bodies(Collection<String> digests) {
        return differences.bodies(digests);
    }

    private static SnapshotDifferences.Filter filter(ChangeFilter filter) {
        var presence = filter.type() == null
                ? null
                : switch (filter.type()) {
                    case ADDED -> Presence.LATER_ONLY;
                    case REMOVED -> Presence.EARLIER_ONLY;
                    case CHANGED -> Presence.BOTH;
                };
        return new SnapshotDifferences.Filter(
                presence, filter.namespace(), filter.kind(), filter.name(), filter.includeControlled());
    }

    private static ResourceChange change(Difference d) {
        var type = d.fromDigest() == null
                ? ChangeType.ADDED
                : d.toDigest() == null ? ChangeType.REMOVED : ChangeType.CHANGED;
        return new ResourceChange(
                d.key(), type, d.apiVersion(), d.fromDigest(), d.toDigest(), d.controlled(), List.of());
    }
}
