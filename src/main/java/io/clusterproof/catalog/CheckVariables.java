package io.clusterproof.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * The functions a check's CEL may call, besides the standard ones; the variables are
 * {@link CheckVariable}. {@code compliance-mappings/README.md} documents each one.
 */
public final class CheckVariables {

    /** Every variable's name, in declaration order. */
    public static final List<String> ALL = Arrays.stream(CheckVariable.values())
            .map(CheckVariable::variableName)
            .toList();

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

    /** Every function a rule may call beyond CEL's own, by name. */
    public static final List<String> FUNCTIONS = List.of(
            OBJECTS_FUNCTION,
            SELECTS_FUNCTION,
            IMAGE_REPOSITORY_FUNCTION,
            IMAGE_IS_ONE_OF_FUNCTION,
            CIDRS_COVER_EVERYTHING_FUNCTION,
            CIDR_CONTAINS_FUNCTION,
            PARSE_YAML_FUNCTION,
            COMMAND_FLAGS_FUNCTION);

    private CheckVariables() {}
}
