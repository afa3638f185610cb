package io.clusterproof.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A name a check's CEL may read, declared once: the compiler declares it with its type, the
 * assessment fills it (a {@code switch} over this enum there, so a new constant does not compile
 * until it says how it is filled), {@code compliance-mappings/README.md} documents it, and the
 * kinds it {@link #reads()} become kinds every check that reads it requires, so a lookup over a
 * kind that was not collected makes the check UNKNOWN instead of reading an empty list.
 */
@SuppressWarnings("ImmutableEnumChecker") // reads is an unmodifiable List.of
public enum CheckVariable {
    OBJECT("object"),
    KIND("kind"),
    POD_SPEC("podSpec"),
    POD_META("podMeta"),
    POD_SPEC_PATH("podSpecPath"),
    CONTAINERS("containers"),
    /** The Namespace object ("namespace" itself is a reserved word in CEL). */
    NAMESPACE("ns", "Namespace"),
    PARAMS("params"),
    NOW("now", Type.TIMESTAMP),
    NETWORK_POLICIES("networkPolicies", "NetworkPolicy"),
    SERVICES("services", "Service"),
    INGRESSES("ingresses", "Ingress", "Service"),
    PDBS("pdbs", "PodDisruptionBudget"),
    HPAS("hpas", "HorizontalPodAutoscaler"),
    SERVICE_ACCOUNT("serviceAccount", "ServiceAccount"),
    /** What is bound to a workload's account or granted by a binding: bindings and the roles they name. */
    GRANTS("grants", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"),
    /** For a binding: its subjects, each with {@code namespace}, {@code _path} and {@code _builtIn} added. */
    SUBJECTS("subjects");

    /** The CEL type a variable is declared with. */
    public enum Type {
        DYN,
        TIMESTAMP
    }

    private static final Map<String, CheckVariable> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CheckVariable::variableName, Function.identity()));

    private final String variableName;
    private final Type type;
    private final List<String> reads;

    CheckVariable(String variableName, String... reads) {
        this(variableName, Type.DYN, reads);
    }

    CheckVariable(String variableName, Type type, String... reads) {
        this.variableName = variableName;
        this.type = type;
        this.reads = List.of(reads);
    }

    /** The name a rule writes. */
    public String variableName() {
        return variableName;
    }

    public Type type() {
        return type;
    }

    /** The kinds of the snapshot the variable is computed from, besides the object itself (qualified kinds). */
    public List<String> reads() {
        return reads;
    }

    public static Optional<CheckVariable> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
