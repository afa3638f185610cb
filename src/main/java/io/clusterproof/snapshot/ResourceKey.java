package io.clusterproof.snapshot;

import java.util.Map;

/**
 * The identity of an object across snapshots: group, kind, namespace and name. The version is not
 * part of it, so an object that moves to a newer API version stays the same object.
 *
 * @param namespace empty for cluster-scoped objects
 */
public record ResourceKey(String group, String kind, String namespace, String name) implements Comparable<ResourceKey> {

    public static ResourceKey of(Map<String, Object> object) {
        var apiVersion = String.valueOf(object.getOrDefault("apiVersion", ""));
        var metadata = KubeObjects.map(object, "metadata");
        return new ResourceKey(
                groupOf(apiVersion),
                String.valueOf(object.getOrDefault("kind", "")),
                KubeObjects.string(metadata, "namespace"),
                KubeObjects.string(metadata, "name"));
    }

    public static String groupOf(String apiVersion) {
        var slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public String qualifiedKind() {
        return KubernetesKinds.qualify(group, kind);
    }

    public boolean clusterScoped() {
        return namespace.isEmpty();
    }

    /** For people: {@code Deployment payments/api}, {@code ClusterRole admin}. */
    public String display() {
        return qualifiedKind() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }

    @Override
    public int compareTo(ResourceKey other) {
        // by group, kind, namespace, name; written out because snapshots sort tens of thousands of keys
        int order = group.compareTo(other.group);
        if (order == 0) {
            order = kind.compareTo(other.kind);
        }
        if (order == 0) {
            order = namespace.compareTo(other.namespace);
        }
        return order == 0 ? name.compareTo(other.name) : order;
    }
}
