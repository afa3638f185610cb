package io.clusterproof.assessment;

import io.clusterproof.snapshot.KubeObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a kind keeps its pod template: {@code spec} for a Pod, {@code spec.template.spec} for
 * controllers, {@code spec.jobTemplate.spec.template.spec} for a CronJob.
 */
record WorkloadShape(Map<String, Object> podSpec, Map<String, Object> podMeta, String podSpecPath) {

    static final WorkloadShape NONE = new WorkloadShape(Map.of(), Map.of(), "");

    static WorkloadShape of(AssessedObject object) {
        var body = object.body();
        var spec = KubeObjects.map(body, "spec");
        return switch (object.key().group().isEmpty()
                        || object.key().group().equals("apps")
                        || object.key().group().equals("batch")
                ? object.key().kind()
                : "") {
            case "Pod" -> new WorkloadShape(spec, KubeObjects.map(body, "metadata"), "spec");
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> template(spec, "spec.template");
            case "CronJob" ->
                template(
                        KubeObjects.map(KubeObjects.map(spec, "jobTemplate"), "spec"),
                        "spec.jobTemplate.spec.template");
            default -> NONE;
        };
    }

    private static WorkloadShape template(Map<String, Object> specWithTemplate, String templatePath) {
        var template = KubeObjects.map(specWithTemplate, "template");
        return new WorkloadShape(
                KubeObjects.map(template, "spec"), KubeObjects.map(template, "metadata"), templatePath + ".spec");
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
