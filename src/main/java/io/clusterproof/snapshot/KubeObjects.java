package io.clusterproof.snapshot;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Null-safe reading of Kubernetes objects held as JSON maps. */
public final class KubeObjects {

    private KubeObjects() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> object, String key) {
        var value = object.get(key);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> object, String key) {
        var value = object.get(key);
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    public static String string(Map<String, Object> object, String key) {
        var value = object.get(key);
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> labels(Map<String, Object> object) {
        var labels = map(map(object, "metadata"), "labels");
        return (Map<String, String>) (Map<?, ?>) labels;
    }

    /** Removes keys from a map read from JSON; a missing (empty, immutable) map is left alone. */
    public static void removeKeys(Map<String, Object> map, Collection<String> keys) {
        if (!map.isEmpty()) {
            map.keySet().removeAll(keys);
        }
    }

    /** Replaces every value of a map read from JSON; a missing (empty) map is left alone. */
    public static void replaceValues(Map<String, Object> map, BiFunction<String, Object, Object> function) {
        if (!map.isEmpty()) {
            map.replaceAll(function);
        }
    }

    /**
     * Kinds whose pod template is assessed at the controller instead of at each object it creates:
     * the collected workloads that are not Pods, and ReplicationController, which manifests may hold.
     */
    private static final Set<String> TEMPLATE_CONTROLLERS = Stream.concat(
                    KubernetesKinds.BUILT_IN.stream()
                            .filter(k -> k.workload() && !k.kind().equals("Pod"))
                            .map(KindInfo::kind),
                    Stream.of("ReplicationController"))
            .collect(Collectors.toUnmodifiableSet());

    /**
     * Whether a workload controller owns this object (a Pod of a ReplicaSet, a ReplicaSet of a
     * Deployment, a Job of a CronJob). A static pod's mirror, owned by its Node, is not: nothing
     * else carries its spec.
     */
    public static boolean isControlled(Map<String, Object> object) {
        for (var reference : list(map(object, "metadata"), "ownerReferences")) {
            if (reference instanceof Map<?, ?> owner
                    && Boolean.TRUE.equals(owner.get("controller"))
                    && TEMPLATE_CONTROLLERS.contains(String.valueOf(owner.get("kind")))) {
                return true;
            }
        }
        return false;
    }
}
