package io.clusterproof.assessment;

import io.clusterproof.catalog.LabelSelectors;
import io.clusterproof.snapshot.KubeObjects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The snapshot-wide lookups a rule may read about one object, computed on first use. */
final class Lookups {

    private final ObjectIndex index;
    private final AssessedObject object;
    private final WorkloadShape shape;

    Lookups(ObjectIndex index, AssessedObject object, WorkloadShape shape) {
        this.index = index;
        this.object = object;
        this.shape = shape;
    }

    /** For a workload: policies in its namespace selecting its pods. For a Namespace: all its policies. */
    List<Object> networkPolicies() {
        if (isNamespace()) {
            return index.bodies("NetworkPolicy", object.key().name());
        }
        return selecting("NetworkPolicy", p -> KubeObjects.map(KubeObjects.map(p, "spec"), "podSelector"));
    }

    List<Object> services() {
        if (!shape.isWorkload()) {
            return List.of();
        }
        var matched = new ArrayList<Object>();
        for (var service : index.bodies("Service", object.key().namespace())) {
            var selector = KubeObjects.map(KubeObjects.map(asMap(service), "spec"), "selector");
            // a Service's selector is a plain label map, not a LabelSelector
            if (!selector.isEmpty() && LabelSelectors.matches(Map.of("matchLabels", selector), shape.labels())) {
                matched.add(service);
            }
        }
        return matched;
    }

    /** Ingresses in the namespace whose backends name a service of this workload (or this Service). */
    List<Object> ingresses() {
        var serviceNames = new HashSet<String>();
        if (object.key().kind().equals("Service")) {
            serviceNames.add(object.key().name());
        } else {
            services()
                    .forEach(s -> serviceNames.add(KubeObjects.string(KubeObjects.map(asMap(s), "metadata"), "name")));
        }
        if (serviceNames.isEmpty()) {
            return List.of();
        }
        var matched = new ArrayList<Object>();
        for (var ingress : index.bodies("Ingress", object.key().namespace())) {
            if (backendServices(asMap(ingress)).stream().anyMatch(serviceNames::contains)) {
                matched.add(ingress);
            }
        }
        return matched;
    }

    List<Object> pdbs() {
        return selecting("PodDisruptionBudget", p -> KubeObjects.map(KubeObjects.map(p, "spec"), "selector"));
    }

    List<Object> hpas() {
        var matched = new ArrayList<Object>();
        for (var hpa : index.bodies("HorizontalPodAutoscaler", object.key().namespace())) {
            var target = KubeObjects.map(KubeObjects.map(asMap(hpa), "spec"), "scaleTargetRef");
            if (KubeObjects.string(target, "kind").equals(object.key().kind())
                    && KubeObjects.string(target, "name").equals(object.key().name())) {
                matched.add(hpa);
            }
        }
        return matched;
    }

    Map<String, Object> serviceAccount() {
        if (!shape.isWorkload()) {
            return Map.of();
        }
        var name = serviceAccountName();
        for (var account : index.bodies("ServiceAccount", object.key().namespace())) {
            if (KubeObjects.string(KubeObjects.map(asMap(account), "metadata"), "name")
                    .equals(name)) {
                return asMap(account);
            }
        }
        return Map.of();
    }

    /** For a workload: what its service account may do. For a binding: what it grants. */
    List<Object> grants() {
        var kind = object.key().qualifiedKind();
        if (kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding")) {
            return index.rbac().grantsOf(object);
        }
        if (kind.equals("ServiceAccount")) {
            return index.rbac()
                    .grantsOfServiceAccount(
                            object.key().namespace(), object.key().name());
        }
        if (shape.isWorkload()) {
            return index.rbac().grantsOfServiceAccount(object.key().namespace(), serviceAccountName());
        }
        return List.of();
    }

    /**
     * For a binding: its subjects, a ServiceAccount's namespace filled in (the binding's when
     * omitted), with {@code _path} ({@code subjects[i]}) and {@code _builtIn} (named exactly in the
     * allow-list of Kubernetes' own identities).
     */
    List<Object> subjects(KubernetesBuiltIns builtIns) {
        var kind = object.key().qualifiedKind();
        if (!kind.equals("RoleBinding") && !kind.equals("ClusterRoleBinding")) {
            return List.of();
        }
        var subjects = KubeObjects.list(object.body(), "subjects");
        var result = new ArrayList<Object>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            var copy = new LinkedHashMap<String, Object>(asMap(subjects.get(i)));
            var subjectKind = KubeObjects.string(copy, "kind");
            var name = KubeObjects.string(copy, "name");
            if (subjectKind.equals("ServiceAccount")
                    && KubeObjects.string(copy, "namespace").isEmpty()) {
                copy.put("namespace", object.key().namespace());
            }
            copy.put("_path", "subjects[" + i + "]");
            copy.put("_builtIn", builtIns.contains(subjectKind, KubeObjects.string(copy, "namespace"), name));
            result.add(copy);
        }
        return result;
    }

    private String serviceAccountName() {
        var name = KubeObjects.string(shape.podSpec(), "serviceAccountName");
        if (name.isEmpty()) {
            name = KubeObjects.string(shape.podSpec(), "serviceAccount");
        }
        return name.isEmpty() ? "default" : name;
    }

    private boolean isNamespace() {
        return object.key().qualifiedKind().equals("Namespace");
    }

    private List<Object> selecting(String kind, Function<Map<String, Object>, Object> selectorOf) {
        if (!shape.isWorkload()) {
            return List.of();
        }
        var labels = shape.labels();
        var matched = new ArrayList<Object>();
        for (var candidate : index.bodies(kind, object.key().namespace())) {
            var body = asMap(candidate);
            var spec = KubeObjects.map(body, "spec");
            var selector = spec.containsKey(kind.equals("NetworkPolicy") ? "podSelector" : "selector")
                    ? selectorOf.apply(body)
                    : null;
            if (selector != null && LabelSelectors.matches(selector, labels)) {
                matched.add(candidate);
            }
        }
        return matched;
    }

    private static List<String> backendServices(Map<String, Object> ingress) {
        var names = new ArrayList<String>();
        var spec = KubeObjects.map(ingress, "spec");
        addBackend(KubeObjects.map(spec, "defaultBackend"), names);
        for (var rule : KubeObjects.list(spec, "rules")) {
            for (var path : KubeObjects.list(KubeObjects.map(asMap(rule), "http"), "paths")) {
                addBackend(KubeObjects.map(asMap(path), "backend"), names);
            }
        }
        return names;
    }

    private static void addBackend(Map<String, Object> backend, List<String> names) {
        var service = KubeObjects.string(KubeObjects.map(backend, "service"), "name");
        if (service.isEmpty()) {
            service = KubeObjects.string(backend, "serviceName");
        }
        if (!service.isEmpty()) {
            names.add(service);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
