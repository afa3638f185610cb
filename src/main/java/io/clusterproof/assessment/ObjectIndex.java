package io.clusterproof.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The objects of one assessment, indexed for the lookups rules make. Read-only once built. */
final class ObjectIndex {

    private final List<AssessedObject> objects;
    private final Map<String, List<Object>> byKind = new HashMap<>();
    private final Map<String, List<Object>> byKindAndNamespace = new HashMap<>();
    private final Map<String, List<AssessedObject>> objectsByKindAndNamespace = new HashMap<>();
    private final Map<String, Map<String, Object>> namespaces = new HashMap<>();
    private final RbacIndex rbac;

    ObjectIndex(List<AssessedObject> objects) {
        this.objects = List.copyOf(objects);
        for (var object : objects) {
            var kind = object.key().qualifiedKind();
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(object.body());
            byKindAndNamespace
                    .computeIfAbsent(kind + "|" + object.key().namespace(), k -> new ArrayList<>())
                    .add(object.body());
            objectsByKindAndNamespace
                    .computeIfAbsent(kind + "|" + object.key().namespace(), k -> new ArrayList<>())
                    .add(object);
            if (kind.equals("Namespace")) {
                namespaces.put(object.key().name(), object.body());
            }
        }
        this.rbac = new RbacIndex(this);
    }

    List<AssessedObject> all() {
        return objects;
    }

    List<Object> bodies(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    List<Object> bodies(String kind, String namespace) {
        return byKindAndNamespace.getOrDefault(kind + "|" + namespace, List.of());
    }

    List<AssessedObject> objects(String kind, String namespace) {
        return objectsByKindAndNamespace.getOrDefault(kind + "|" + namespace, List.of());
    }

    Map<String, Object> namespace(String name) {
        return namespaces.getOrDefault(name, Map.of());
    }

    boolean hasNamespaceObjects() {
        return !namespaces.isEmpty();
    }

    RbacIndex rbac() {
        return rbac;
    }
}
