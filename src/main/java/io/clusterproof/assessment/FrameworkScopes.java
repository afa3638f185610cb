package io.clusterproof.assessment;

import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.catalog.LabelSelectors;
import io.clusterproof.snapshot.KubeObjects;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which frameworks each namespace belongs to. A framework's namespace selector is matched against
 * the Namespace object's labels; a namespace the snapshot has no object for is kept in scope (its
 * labels are unknown, and leaving it out could hide a failure). System namespaces are out of every
 * framework's scope; cluster-scoped objects are in every framework's scope.
 */
final class FrameworkScopes {

    private final Catalog catalog;
    private final ObjectIndex index;
    private final Set<String> systemNamespaces;
    private final Map<String, Set<String>> byNamespace = new ConcurrentHashMap<>();
    private final Set<String> all;

    FrameworkScopes(Catalog catalog, ObjectIndex index, Set<String> systemNamespaces) {
        this.catalog = catalog;
        this.index = index;
        this.systemNamespaces = systemNamespaces;
        this.all = new LinkedHashSet<>();
        catalog.frameworks().forEach(f -> all.add(f.id()));
    }

    boolean isSystem(String namespace) {
        return systemNamespaces.contains(namespace);
    }

    Set<String> all() {
        return all;
    }

    /**
     * Frameworks whose scope no namespace of these objects falls into: nothing in the cluster is in
     * their scope, so they are not scored.
     */
    Set<String> emptyScopes(Collection<AssessedObject> objects) {
        var empty = new LinkedHashSet<>(all);
        for (var object : objects) {
            var namespace = object.scopeNamespace();
            if (!namespace.isEmpty()) {
                empty.removeAll(of(namespace));
                if (empty.isEmpty()) {
                    break;
                }
            }
        }
        return empty;
    }

    /** Frameworks whose scope includes an object with this scope namespace ("" = cluster-scoped). */
    Set<String> of(String namespace) {
        if (namespace.isEmpty()) {
            return all;
        }
        return byNamespace.computeIfAbsent(namespace, this::compute);
    }

    private Set<String> compute(String namespace) {
        if (isSystem(namespace)) {
            return Set.of();
        }
        var object = index.namespace(namespace);
        var labels = KubeObjects.labels(object);
        var frameworks = new LinkedHashSet<String>();
        for (FrameworkDefinition framework : catalog.frameworks()) {
            var selector = framework.effectiveScope().namespaceSelector();
            if (selector == null || object.isEmpty() || LabelSelectors.matches(selector, labels)) {
                frameworks.add(framework.id());
            }
        }
        return Set.copyOf(frameworks);
    }
}
