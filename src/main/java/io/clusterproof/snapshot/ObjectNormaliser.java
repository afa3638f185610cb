package io.clusterproof.snapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prepares an object for storage: secrets redacted first, then the fields that change without
 * the configuration changing (resource versions, managed fields, heartbeat timestamps, most
 * status) removed, so that an unchanged cluster produces unchanged digests.
 */
public final class ObjectNormaliser {

    /**
     * The revision of what reading an object produces: redaction, normalisation, canonical JSON, and
     * the type fields a listed object gets back ({@code LiveCollector}).
     * Raise it with any change that alters a stored body for the same input, so that live
     * collections read every object again instead of keeping bodies the old code produced
     * ({@link ReadVersions}): a redaction fix must reach objects stored before it.
     * {@code NormaliserRevisionTest} fails when the output changes and this does not.
     */
    public static final String REVISION = "2";

    /** Metadata fields that change without a configuration change. */
    public static final Set<String> VOLATILE_METADATA =
            Set.of("managedFields", "resourceVersion", "generation", "selfLink");

    /** Annotations controllers and tools rewrite without a configuration change. */
    public static final Set<String> VOLATILE_ANNOTATIONS = Set.of(
            "kubectl.kubernetes.io/last-applied-configuration",
            "deployment.kubernetes.io/revision",
            "deployment.kubernetes.io/desired-replicas",
            "deployment.kubernetes.io/max-replicas",
            "control-plane.alpha.kubernetes.io/leader",
            "kubernetes.io/config.seen",
            "kubernetes.io/config.hash",
            "kubernetes.io/config.mirror");

    /** Timestamps of status conditions. */
    public static final Set<String> CONDITION_TIMES =
            Set.of("lastTransitionTime", "lastUpdateTime", "lastHeartbeatTime", "lastProbeTime");

    /** Status fields worth keeping per kind; kinds not listed keep their status minus volatile parts. */
    private static final Map<String, Set<String>> KEPT_STATUS = Map.ofEntries(
            Map.entry("Pod", Set.of("phase", "qosClass")),
            Map.entry("Node", Set.of("nodeInfo", "capacity", "addresses")),
            Map.entry("DaemonSet", Set.of("desiredNumberScheduled", "numberReady")),
            Map.entry("Deployment", Set.of("availableReplicas")),
            Map.entry("StatefulSet", Set.of()),
            Map.entry("ReplicaSet", Set.of()),
            Map.entry("CronJob", Set.of()),
            Map.entry("Job", Set.of("succeeded", "failed")),
            Map.entry("HorizontalPodAutoscaler", Set.of()),
            Map.entry("PodDisruptionBudget", Set.of()),
            Map.entry("Namespace", Set.of("phase")),
            Map.entry("CustomResourceDefinition", Set.of()));

    private ObjectNormaliser() {}

    /** Redacts and normalises in place, and returns the object. */
    public static Map<String, Object> normalise(Map<String, Object> object) {
        SecretRedactor.redact(object);
        var metadata = KubeObjects.map(object, "metadata");
        KubeObjects.removeKeys(metadata, VOLATILE_METADATA);
        var annotations = KubeObjects.map(metadata, "annotations");
        KubeObjects.removeKeys(annotations, VOLATILE_ANNOTATIONS);
        if (metadata.containsKey("annotations") && annotations.isEmpty()) {
            metadata.remove("annotations");
        }
        var kind = KubeObjects.string(object, "kind");
        if ("CustomResourceDefinition".equals(kind)) {
            keepCrdOutline(object);
        }
        normaliseStatus(object, kind);
        if (KubeObjects.map(object, "report").containsKey("updateTimestamp")) {
            KubeObjects.map(object, "report").remove("updateTimestamp");
        }
        return object;
    }

    private static void normaliseStatus(Map<String, Object> object, String kind) {
        if (!(object.get("status") instanceof Map<?, ?>)) {
            object.remove("status");
            return;
        }
        var status = KubeObjects.map(object, "status");
        var kept = KEPT_STATUS.get(kind);
        if (kept != null) {
            status.keySet().retainAll(kept);
        } else {
            status.remove("observedGeneration");
            for (var condition : KubeObjects.list(status, "conditions")) {
                if (condition instanceof Map<?, ?> map) {
                    map.keySet().removeAll(CONDITION_TIMES);
                }
            }
        }
        if (kind.equals("Node")) {
            KubeObjects.removeKeys(KubeObjects.map(status, "nodeInfo"), Set.of("bootID"));
        }
        if (status.isEmpty()) {
            object.remove("status");
        }
    }

    /** A CRD's schema is large and says nothing about compliance; its name, group and versions do. */
    private static void keepCrdOutline(Map<String, Object> crd) {
        var spec = KubeObjects.map(crd, "spec");
        var outline = new LinkedHashMap<String, Object>();
        for (var field : List.of("group", "names", "scope")) {
            if (spec.containsKey(field)) {
                outline.put(field, spec.get(field));
            }
        }
        var versions = KubeObjects.list(spec, "versions").stream()
                .filter(v -> v instanceof Map<?, ?>)
                .map(v -> {
                    @SuppressWarnings("unchecked")
                    var version = (Map<String, Object>) v;
                    var kept = new LinkedHashMap<String, Object>();
                    for (var field : List.of("name", "served", "storage")) {
                        if (version.containsKey(field)) {
                            kept.put(field, version.get(field));
                        }
                    }
                    return (Object) kept;
                })
                .toList();
        outline.put("versions", versions);
        crd.put("spec", outline);
    }
}
