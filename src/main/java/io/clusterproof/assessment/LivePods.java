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
        var finder = new Finder();
        objects.forEach(finder::owner);
        objects.forEach(finder::pod);
        return finder.found();
    }

    /**
     * Finds them among objects handed in one at a time, possible owners first, then pods, keeping
     * of each owner only its template's container names and of each pod only what runs beyond them.
     */
    public static final class Finder {

        private final Map<ResourceKey, Map<String, Set<String>>> templates = new HashMap<>();
        private final List<AssessedObject> found = new ArrayList<>();

        /** Notes an object's pod template, if it has one. */
        public void owner(AssessedObject object) {
            var shape = WorkloadShape.of(object);
            if (shape.isWorkload()) {
                var names = new HashMap<String, Set<String>>();
                for (var type : CONTAINER_LISTS) {
                    names.put(type, names(KubeObjects.list(shape.podSpec(), type)));
                }
                templates.put(object.key(), names);
            }
        }

        /** Keeps the object if it is a pod running beyond its owner's template. */
        public void pod(AssessedObject object) {
            if (object.key().group().isEmpty() && object.key().kind().equals("Pod")) {
                controller(object).flatMap(owner -> live(object, owner)).ifPresent(found::add);
            }
        }

        public List<AssessedObject> found() {
            return found;
        }

        private Optional<AssessedObject> live(AssessedObject pod, ResourceKey owner) {
            var template = templates.get(owner);
            if (template == null) {
                return Optional.empty();
            }
            var podSpec = KubeObjects.map(pod.body(), "spec");
            var extra = new ArrayList<String>();
            var trimmedSpec = new LinkedHashMap<>(podSpec);
            for (var type : CONTAINER_LISTS) {
                var known = template.getOrDefault(type, Set.of());
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
                    pod.key(), pod.apiVersion(), pod.digest(), pod.body(), new LivePod(owner, extra, trimmed)));
        }
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
