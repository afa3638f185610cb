package io.clusterproof.assessment;

import com.google.protobuf.Timestamp;
import dev.cel.runtime.CelVariableResolver;
import io.clusterproof.catalog.CheckVariables;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The variables of one object for every check that looks at it. Each is computed when a rule
 * first reads it and then kept, so a lookup costs at most once per object.
 */
final class ObjectVariables implements CelVariableResolver {

    private final Map<String, Supplier<Object>> suppliers = new HashMap<>();
    private final Map<String, Object> values = new HashMap<>();

    ObjectVariables(
            ObjectIndex index,
            AssessedObject object,
            Map<String, Object> params,
            KubernetesBuiltIns builtIns,
            Timestamp now) {
        var shape = WorkloadShape.of(object);
        var lookups = new Lookups(index, object, shape);
        values.put(CheckVariables.OBJECT, object.body());
        values.put(CheckVariables.KIND, object.key().qualifiedKind());
        values.put(CheckVariables.POD_SPEC, shape.podSpec());
        values.put(CheckVariables.POD_META, shape.podMeta());
        values.put(CheckVariables.POD_SPEC_PATH, shape.podSpecPath());
        values.put(CheckVariables.PARAMS, params);
        values.put(CheckVariables.NOW, now);
        suppliers.put(CheckVariables.CONTAINERS, shape::containers);
        suppliers.put(CheckVariables.NAMESPACE, () -> index.namespace(object.scopeNamespace()));
        suppliers.put(CheckVariables.NETWORK_POLICIES, lookups::networkPolicies);
        suppliers.put(CheckVariables.SERVICES, lookups::services);
        suppliers.put(CheckVariables.INGRESSES, lookups::ingresses);
        suppliers.put(CheckVariables.PDBS, lookups::pdbs);
        suppliers.put(CheckVariables.HPAS, lookups::hpas);
        suppliers.put(CheckVariables.SERVICE_ACCOUNT, lookups::serviceAccount);
        suppliers.put(CheckVariables.GRANTS, lookups::grants);
        suppliers.put(CheckVariables.SUBJECTS, () -> lookups.subjects(builtIns));
    }

    @Override
    public Optional<Object> find(String name) {
        var value = values.get(name);
        if (value == null) {
            var supplier = suppliers.get(name);
            if (supplier == null) {
                return Optional.empty();
            }
            value = supplier.get();
            values.put(name, value);
        }
        return Optional.of(value);
    }
}
