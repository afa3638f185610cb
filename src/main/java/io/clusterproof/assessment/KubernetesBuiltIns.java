package io.clusterproof.assessment;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes' own RBAC subjects, from the catalog's {@code params.kubernetesBuiltIns.subjects}
 * allow-list: exact names only, so a user-made {@code system:}-looking name, or a group standing for
 * every user or workload, is never taken for the platform.
 */
final class KubernetesBuiltIns {

    static final String PARAMS_KEY = "kubernetesBuiltIns";

    private final Set<String> subjects;

    private KubernetesBuiltIns(Set<String> subjects) {
        this.subjects = subjects;
    }

    static KubernetesBuiltIns from(Map<String, Object> params) {
        var subjects = new HashSet<String>();
        if (params.get(PARAMS_KEY) instanceof Map<?, ?> builtIns && builtIns.get("subjects") instanceof List<?> list) {
            list.forEach(entry -> subjects.add(String.valueOf(entry).trim()));
        }
        return new KubernetesBuiltIns(Set.copyOf(subjects));
    }

    /** A subject as the allow-list writes it: {@code Group x}, {@code User x}, {@code ServiceAccount ns/x}. */
    static String key(String kind, String namespace, String name) {
        return kind.equals("ServiceAccount") ? kind + " " + namespace + "/" + name : kind + " " + name;
    }

    boolean contains(String kind, String namespace, String name) {
        return subjects.contains(key(kind, namespace, name));
    }
}
