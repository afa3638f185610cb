package io.clusterproof.drift;

import io.clusterproof.snapshot.ResourceKey;

/**
 * How many objects of one kind in one namespace were added, changed and removed.
 *
 * @param namespace empty for cluster-scoped objects
 */
public record ChangeCount(String namespace, String group, String kind, int added, int changed, int removed) {

    public int total() {
        return added + changed + removed;
    }

    /** For people: {@code Deployment}, {@code Role.rbac.authorization.k8s.io}. */
    public String qualifiedKind() {
        return new ResourceKey(group, kind, namespace, "").qualifiedKind();
    }
}
