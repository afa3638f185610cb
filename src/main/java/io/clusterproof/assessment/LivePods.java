package io.clusterproof.assessment;

import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the pods that run more than their controller's template. A pod a controller owns is not
 * assessed for its template (the controller is), but containers added after the template (by a
 * mutating webhook, or {@code kubectl debug}) exist only on the pod, and would otherwise never be
 * assessed.
 */
public final class LivePods {

    private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

    private LivePods() {}

    /**
     * The controlled pods of {@code objects} with containers beyond their owner's template, each
     * carrying its {@link LivePod}. A pod whose owner is not among the objects is left out: without
     * the template nothing can be told apart.
     */
    public static List<AssessedObject> beyondTemplate(List<AssessedObject> objects) {
        var owners = new HashMap<ResourceKey, AssessedObject>();
        for (var object : objects) {
            owners.put(object.key(), object);
        }
        var pods = new ArrayList<AssessedObject>();
        for (var object : objects) {
            if (object.key().group().isEmpty() && object.key().kind().equals("Pod")) {
                controller(object)
                        .map(owners::get)
                        .flatMap(owner -> live(object, owner))
                        .ifPresent(pods::add);
            }
        }
        return pods;
    }

    private static Optional<ResourceKey> controller(AssessedObject pod) {
        for (var reference : KubeObjects.list(KubeObjects.map(pod.body(), "metadata"), "ownerReferences")) {
            if (reference instanceof Map<?, ?> owner && Boolean.TRUE.equals(owner.get("controller"))) {
                var apiVersion = String.valueOf(owner.get("apiVersion"));
                var group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
                return Optional.of(new ResourceKey(
                        group,
                        String.valueOf(owner.get("kind")),
                        pod.key().namespace(),
                        String.valueOf(owner.get("name"))));
            }
        }
        return Optional.empty();
    }

    private static Optional<AssessedObject> live(AssessedObject pod, AssessedObject owner) {
        var template = WorkloadShape.of(owner);
        if (!template.isWorkload()) {
            return Optional.empty();
        }
        var podSpec = KubeObjects.map(pod.body(), "spec");
        var extra = new ArrayList<String>();
        var trimmedSpec = new LinkedHashMap<>(podSpec);
        for (var type : CONTAINER_LISTS) {
            var known = names(KubeObjects.list(template.podSpec(), type));
            var kept = new ArrayList<Object>();
            for (var container : KubeObjects.list(podSpec, type)) {
                var name = container instanceof Map<?, ?> c ? String.valueOf(c.get("name")) : "";
                if (known.contains(name)) {
                    kept.add(container);
                } else {
                    extra.add(name);
                }
            }
            if (podSpec.containsKey(type)) {
                trimmedSpec.put(type, kept);
            }
        }
        if (extra.isEmpty()) {
            return Optional.empty();
        }
        var trimmed = new LinkedHashMap<>(pod.body());
        trimmed.put("spec", trimmedSpec);
        return Optional.of(new AssessedObject(
                pod.key(), pod.apiVersion(), pod.digest(), pod.body(), new LivePod(owner.key(), extra, trimmed)));
    }

    private static Set<String> names(List<Object> containers) {
        var names = new HashSet<String>();
        for (var container : containers) {
            if (container instanceof Map<?, ?> c) {
                names.add(String.valueOf(c.get("name")));
            }
        }
        return names;
    }
}
