package io.clusterproof.drift;

import org.jspecify.annotations.Nullable;

/**
 * Narrows the changes between two snapshots; null fields do not filter.
 *
 * @param namespace only this namespace; empty for cluster-scoped objects only
 * @param name a substring of the object's name
 * @param includeControlled whether objects owned by a workload controller (pods of a ReplicaSet,
 *     ReplicaSets of a Deployment) are listed: their controller's change already says it all
 */
public record ChangeFilter(
        @Nullable ChangeType type,
        @Nullable String namespace,
        @Nullable String kind,
        @Nullable String name,
        boolean includeControlled) {

    public static ChangeFilter all() {
        return new ChangeFilter(null, null, null, null, true);
    }

    public static ChangeFilter configuration() {
        return new ChangeFilter(null, null, null, null, false);
    }
}
