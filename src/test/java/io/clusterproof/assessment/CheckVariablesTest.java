package io.clusterproof.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.clusterproof.catalog.CheckVariables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CheckVariables} is the list of names a rule can read: the compiler declares exactly
 * those, and this test holds the engine and the catalog's README to the same list.
 */
class CheckVariablesTest {

    @Test
    void the_engine_supplies_every_variable_the_compiler_declares() {
        var namespace = Objects.namespace("shop", Map.of());
        var deployment = Objects.deployment("shop", "api", 2);
        var variables = new ObjectVariables(
                new ObjectIndex(Objects.list(namespace, deployment)),
                deployment,
                Map.of(),
                KubernetesBuiltIns.from(Map.of()),
                Timestamp.getDefaultInstance());

        for (var name : CheckVariables.ALL) {
            assertThat(variables.find(name)).as(name).isPresent();
        }
        assertThat(variables.find("undeclared")).isEmpty();
    }

    @Test
    void the_catalog_readme_documents_every_variable_and_function() throws IOException {
        var readme = Files.readString(Path.of("compliance-mappings/README.md"));
        var functions = List.of(
                CheckVariables.OBJECTS_FUNCTION,
                CheckVariables.SELECTS_FUNCTION,
                CheckVariables.IMAGE_REPOSITORY_FUNCTION,
                CheckVariables.IMAGE_IS_ONE_OF_FUNCTION,
                CheckVariables.CIDRS_COVER_EVERYTHING_FUNCTION,
                CheckVariables.CIDR_CONTAINS_FUNCTION,
                CheckVariables.PARSE_YAML_FUNCTION,
                CheckVariables.COMMAND_FLAGS_FUNCTION);

        for (var name : CheckVariables.ALL) {
            assertThat(readme).as(name).containsPattern("\\n\\| [^|\\n]*`" + name + "`");
        }
        for (var function : functions) {
            assertThat(readme).as(function).containsPattern("\\n\\| [^|\\n]*`" + function + "\\(");
        }
    }
}
