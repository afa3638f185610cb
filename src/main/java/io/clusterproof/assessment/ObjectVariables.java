package io.clusterproof.assessment;

import com.google.protobuf.Timestamp;
import dev.cel.runtime.CelVariableResolver;
import io.clusterproof.catalog.CheckVariable;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of one object for every check that looks at it. Each is computed when a rule
 * first reads it and then kept, so a lookup costs at most once per object. The {@code switch}
 * below is where every {@link CheckVariable} is filled: a new one does not compile without it.
 */
final class ObjectVariables implements CelVariableResolver {

    private final Map<CheckVariable, Object> values = new EnumMap<>(CheckVariable.class);
    private final ObjectIndex index;
    private final AssessedObject object;
    private final Map<String, Object> params;
    private final KubernetesBuiltIns builtIns;
    private final Timestamp now;
    private final WorkloadShape shape;
    private final Lookups lookups;

    ObjectVariables(
            ObjectIndex index,
            AssessedObject object,
            Map<String, Object> params,
            KubernetesBuiltIns builtIns,
            Timestamp now) {
        this.index = index;
        this.object = object;
        this.params = params;
        this.builtIns = builtIns;
        this.now = now;
        this.shape = WorkloadShape.of(object);
        this.lookups = new Lookups(index, object, shape);
    }

    @Override
    public Optional<Object> find(String name) {
        return CheckVariable.named(name).map(variable -> values.computeIfAbsent(variable, this::compute));
    }

    private Object compute(CheckVariable variable) {
        return switch (variable) {
            case OBJECT -> object.body();
            case KIND -> object.key().qualifiedKind();
            case POD_SPEC -> shape.podSpec();
            case POD_META -> shape.podMeta();
            case POD_SPEC_PATH -> shape.podSpecPath();
            case CONTAINERS -> shape.containers();
            case NAMESPACE -> index.namespace(object.scopeNamespace());
            case PARAMS -> params;
            case NOW -> now;
            case NETWORK_POLICIES -> lookups.networkPolicies();
            case SERVICES -> lookups.services();
            case INGRESSES -> lookups.ingresses();
            case PDBS -> lookups.pdbs();
            case HPAS -> lookups.hpas();
            case SERVICE_ACCOUNT -> lookups.serviceAccount();
            case GRANTS -> lookups.grants();
            case SUBJECTS -> lookups.subjects(builtIns);
        };
    }
}
