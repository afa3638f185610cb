package io.clusterproof.assessment;

import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.KubernetesKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a kind keeps its pod template, as {@link KubernetesKinds#BUILT_IN} declares it: {@code spec}
 * for a Pod, {@code spec.template.spec} for controllers, {@code spec.jobTemplate.spec.template.spec}
 * for a CronJob. The pod's metadata sits beside its spec.
 */
record WorkloadShape(Map<String, Object> podSpec, Map<String, Object> podMeta, String podSpecPath) {

    static final WorkloadShape NONE = new WorkloadShape(Map.of(), Map.of(), "");

    static WorkloadShape of(AssessedObject object) {
        var kind = KubernetesKinds.builtIn(object.key().qualifiedKind()).orElse(null);
        var path = kind == null ? null : kind.podSpecPath();
        if (path == null) {
            return NONE;
        }
        // the pod template: the object itself for a Pod, the map holding "spec" for a controller
        var template = object.body();
        var steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            template = KubeObjects.map(template, steps[i]);
        }
        return new WorkloadShape(
                KubeObjects.map(template, steps[steps.length - 1]), KubeObjects.map(template, "metadata"), path);
    }

    boolean isWorkload() {
        return !podSpecPath.isEmpty();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> labels() {
        return KubeObjects.map(podMeta, "labels");
    }

    /** All containers, each with {@code _path} and {@code _type} added, so rules can name the offending field. */
    List<Object> containers() {
        var all = new ArrayList<Object>();
        for (var type : List.of("initContainers", "containers", "ephemeralContainers")) {
            var list = KubeObjects.list(podSpec, type);
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> container) {
                    var copy = new LinkedHashMap<String, Object>();
                    container.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    copy.put("_path", podSpecPath + "." + type + "[" + i + "]");
                    copy.put("_type", type.substring(0, type.length() - 1));
                    all.add(copy);
                }
            }
        }
        return all;
    }
}
