package io.clusterproof.snapshot;

/**
 * One kind the collector knows how to list.
 *
 * @param group API group, empty for the core group
 * @param plural the resource name in URLs
 */
public record KindInfo(String group, String version, String kind, String plural, boolean namespaced) {

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** How the catalog names the kind: the bare kind for Kubernetes' own groups, {@code group/Kind} otherwise. */
    public String qualifiedKind() {
        return KubernetesKinds.qualify(group, kind);
    }

    /** The list URL path, cluster-wide. */
    public String listPath() {
        var prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        return prefix + "/" + plural;
    }
}
