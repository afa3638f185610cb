package io.clusterproof.catalog;

import java.util.List;

/**
 * The names a check's CEL may use. {@code compliance-mappings/README.md} documents each one; the
 * assessment engine supplies them, computing the lookups only when a rule reads them.
 */
public final class CheckVariables {

    public static final String OBJECT = "object";
    public static final String KIND = "kind";
    public static final String POD_SPEC = "podSpec";
    public static final String POD_META = "podMeta";
    public static final String POD_SPEC_PATH = "podSpecPath";
    public static final String CONTAINERS = "containers";
    /** The Namespace object ("namespace" itself is a reserved word in CEL). */
    public static final String NAMESPACE = "ns";

    public static final String PARAMS = "params";
    public static final String NOW = "now";
    public static final String NETWORK_POLICIES = "networkPolicies";
    public static final String SERVICES = "services";
    public static final String INGRESSES = "ingresses";
    public static final String PDBS = "pdbs";
    public static final String HPAS = "hpas";
    public static final String SERVICE_ACCOUNT = "serviceAccount";
    public static final String GRANTS = "grants";
    /** For a binding: its subjects, each with {@code namespace}, {@code _path} and {@code _builtIn} added. */
    public static final String SUBJECTS = "subjects";

    /** Every variable, all typed {@code dyn} except {@link #NOW} (a timestamp). */
    public static final List<String> ALL = List.of(
            OBJECT,
            KIND,
            POD_SPEC,
            POD_META,
            POD_SPEC_PATH,
            CONTAINERS,
            NAMESPACE,
            PARAMS,
            NOW,
            NETWORK_POLICIES,
            SERVICES,
            INGRESSES,
            PDBS,
            HPAS,
            SERVICE_ACCOUNT,
            GRANTS,
            SUBJECTS);

    /** {@code objects(kind)} and {@code objects(kind, namespace)}: the snapshot's objects of a kind. */
    public static final String OBJECTS_FUNCTION = "objects";

    public static final String OBJECTS_OF_KIND = "objects_kind";
    public static final String OBJECTS_OF_KIND_IN_NAMESPACE = "objects_kind_namespace";

    /** {@code selects(selector, labels)}: whether a Kubernetes label selector selects a label map. */
    public static final String SELECTS_FUNCTION = "selects";

    /** {@code imageRepository(image)}: the repository an image reference names (see {@link ImageReferences}). */
    public static final String IMAGE_REPOSITORY_FUNCTION = "imageRepository";

    /** {@code imageIsOneOf(image, repositories)}: whole-component repository match, never a substring. */
    public static final String IMAGE_IS_ONE_OF_FUNCTION = "imageIsOneOf";

    /** {@code cidrsCoverEverything(cidrs)}: whether CIDR blocks together cover all IPv4 or all IPv6 addresses. */
    public static final String CIDRS_COVER_EVERYTHING_FUNCTION = "cidrsCoverEverything";

    /** {@code cidrContains(cidr, address)}: whether a CIDR block contains an address. */
    public static final String CIDR_CONTAINS_FUNCTION = "cidrContains";

    /** {@code parseYaml(text)}: a YAML or JSON mapping kept as text (a ConfigMap entry) read as a map. */
    public static final String PARSE_YAML_FUNCTION = "parseYaml";

    /** {@code commandFlags(arguments)}: a command line as {@code --name=value} flags, however they were written. */
    public static final String COMMAND_FLAGS_FUNCTION = "commandFlags";

    private CheckVariables() {}
}
