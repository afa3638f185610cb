package io.clusterproof.assessment;

import io.clusterproof.catalog.LabelSelectors;
import io.clusterproof.snapshot.KubeObjects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may do what: roles with their rules (aggregated ClusterRoles included), and the bindings
 * that grant them. A grant is a rule plus where it applies: {@code scope} ({@code cluster} or
 * {@code namespace}), {@code namespace}, {@code binding} and {@code role}.
 */
final class RbacIndex {

    private final Map<String, List<Object>> clusterRoleRules = new HashMap<>();
    private final Map<String, List<Object>> roleRules = new HashMap<>();
    private final List<AssessedObject> bindings = new ArrayList<>();

    RbacIndex(ObjectIndex index) {
        var clusterRoles = new ArrayList<AssessedObject>();
        for (var object : index.all()) {
            switch (object.key().qualifiedKind()) {
                case "ClusterRole" -> clusterRoles.add(object);
                case "Role" ->
                    roleRules.put(
                            object.key().namespace() + "/" + object.key().name(),
                            KubeObjects.list(object.body(), "rules"));
                case "RoleBinding", "ClusterRoleBinding" -> bindings.add(object);
                default -> {}
            }
        }
        for (var role : clusterRoles) {
            clusterRoleRules.put(role.key().name(), rulesOf(role, clusterRoles));
        }
        // manifests seldom carry Kubernetes' default roles; a binding to one must still grant something
        BuiltInRoles.RULES.forEach(clusterRoleRules::putIfAbsent);
    }

    /** An aggregated ClusterRole without populated rules gets those of the roles its selectors pick. */
    private static List<Object> rulesOf(AssessedObject role, List<AssessedObject> all) {
        var rules = KubeObjects.list(role.body(), "rules");
        var selectors = KubeObjects.list(KubeObjects.map(role.body(), "aggregationRule"), "clusterRoleSelectors");
        if (!rules.isEmpty() || selectors.isEmpty()) {
            return rules;
        }
        var aggregated = new ArrayList<Object>();
        for (var other : all) {
            if (other != role
                    && selectors.stream().anyMatch(s -> LabelSelectors.matches(s, KubeObjects.labels(other.body())))) {
                aggregated.addAll(KubeObjects.list(other.body(), "rules"));
            }
        }
        return aggregated;
    }

    /** The grants of one binding object. */
    List<Object> grantsOf(AssessedObject binding) {
        var body = binding.body();
        var roleRef = KubeObjects.map(body, "roleRef");
        var roleKind = KubeObjects.string(roleRef, "kind");
        var roleName = KubeObjects.string(roleRef, "name");
        var clusterBinding = binding.key().kind().equals("ClusterRoleBinding");
        var rules = roleKind.equals("ClusterRole")
                ? clusterRoleRules.getOrDefault(roleName, List.of())
                : roleRules.getOrDefault(binding.key().namespace() + "/" + roleName, List.of());
        var grants = new ArrayList<Object>();
        for (var rule : rules) {
            if (rule instanceof Map<?, ?> map) {
                var grant = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> grant.put(String.valueOf(k), v));
                grant.put("scope", clusterBinding ? "cluster" : "namespace");
                grant.put("namespace", clusterBinding ? "" : binding.key().namespace());
                grant.put("binding", binding.key().display());
                grant.put("role", roleKind + " " + roleName);
                grants.add(grant);
            }
        }
        return grants;
    }

    /** Everything a service account may do, through bindings to it or to its groups. */
    List<Object> grantsOfServiceAccount(String namespace, String name) {
        var grants = new ArrayList<Object>();
        for (var binding : bindings) {
            if (bindsServiceAccount(binding, namespace, name)) {
                grants.addAll(grantsOf(binding));
            }
        }
        return grants;
    }

    private static boolean bindsServiceAccount(AssessedObject binding, String namespace, String name) {
        for (var subject : KubeObjects.list(binding.body(), "subjects")) {
            if (!(subject instanceof Map<?, ?> s)) {
                continue;
            }
            var kind = String.valueOf(s.get("kind"));
            var subjectName = String.valueOf(s.get("name"));
            if (kind.equals("ServiceAccount")) {
                var subjectNamespace =
                        s.get("namespace") == null ? binding.key().namespace() : String.valueOf(s.get("namespace"));
                if (subjectName.equals(name) && subjectNamespace.equals(namespace)) {
                    return true;
                }
            } else if (kind.equals("Group")
                    && (subjectName.equals("system:serviceaccounts")
                            || subjectName.equals("system:serviceaccounts:" + namespace)
                            || subjectName.equals("system:authenticated"))) {
                return true;
            }
        }
        return false;
    }
}
