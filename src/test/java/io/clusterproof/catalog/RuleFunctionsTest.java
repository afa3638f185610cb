package io.clusterproof.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The helper functions rules call: image repositories compared by whole path, CIDR unions. */
class RuleFunctionsTest {

    @Test
    void an_image_repository_is_written_out_with_its_registry_and_without_tag_or_digest() {
        assertThat(ImageReferences.repository("fluent/fluent-bit:3.1")).isEqualTo("docker.io/fluent/fluent-bit");
        assertThat(ImageReferences.repository("vectorizer")).isEqualTo("docker.io/library/vectorizer");
        assertThat(ImageReferences.repository("localhost:5000/team/app@sha256:abc"))
                .isEqualTo("localhost:5000/team/app");
        assertThat(ImageReferences.repository("index.docker.io/timberio/vector:0.42"))
                .isEqualTo("docker.io/timberio/vector");
    }

    @Test
    void a_lookalike_image_is_not_the_agent_but_a_mirror_of_it_is() {
        var agents = List.of("timberio/vector", "fluent/fluent-bit");
        assertThat(ImageReferences.isOneOf("registry.example/ml/vectorizer:2", agents))
                .isFalse();
        assertThat(ImageReferences.isOneOf("ghcr.io/fluent/fluent-bit-fake:1", agents))
                .isFalse();
        assertThat(ImageReferences.isOneOf("registry.example/mirror/timberio/vector:0.42", agents))
                .isTrue();
        assertThat(ImageReferences.isOneOf("timberio/vector", agents)).isTrue();
    }

    @Test
    void cidrs_cover_everything_only_when_no_address_is_left_out() {
        assertThat(Cidrs.coverEverything(List.of("0.0.0.0/1", "128.0.0.0/1"))).isTrue();
        assertThat(Cidrs.coverEverything(List.of("0.0.0.0/0"))).isTrue();
        assertThat(Cidrs.coverEverything(List.of("::/1", "8000::/1"))).isTrue();
        assertThat(Cidrs.coverEverything(List.of("0.0.0.0/2", "128.0.0.0/1"))).isFalse();
        assertThat(Cidrs.coverEverything(List.of("10.0.0.0/8", "not-a-cidr"))).isFalse();
        assertThat(Cidrs.coverEverything(List.of())).isFalse();
    }

    @Test
    void a_cidr_contains_an_address_of_its_own_family_only() {
        assertThat(Cidrs.contains("169.254.0.0/16", "169.254.169.254")).isTrue();
        assertThat(Cidrs.contains("0.0.0.0/0", "169.254.169.254")).isTrue();
        assertThat(Cidrs.contains("10.0.0.0/8", "169.254.169.254")).isFalse();
        assertThat(Cidrs.contains("::/0", "169.254.169.254")).isFalse();
    }

    @Test
    void a_configuration_kept_as_text_is_read_as_a_map_with_cel_integers() throws Exception {
        var cel = new CelEnvironment(10_000);
        var config = "authentication:\n  anonymous:\n    enabled: false\nreadOnlyPort: 0\n";
        assertThat(cel.evaluate(
                        "parseYaml(object.data).authentication.anonymous.enabled == false"
                                + " && parseYaml(object.data).readOnlyPort == 0",
                        Map.of("object", Map.of("data", config))))
                .isEqualTo(true);
    }

    @Test
    void text_that_is_not_a_yaml_mapping_is_an_error_never_a_value() {
        assertThatThrownBy(() -> YamlDocuments.parse("- just\n- a list\n")).hasMessageContaining("not a YAML mapping");
        assertThatThrownBy(() -> YamlDocuments.parse("key: [unclosed\n")).hasMessageContaining("not valid YAML");
    }

    @Test
    void a_flag_and_its_value_given_as_two_arguments_read_as_one_flag() {
        assertThat(CommandFlags.of(List.of(
                        "etcd",
                        "--client-cert-auth",
                        "false",
                        "--cert-file",
                        "/pki/server.crt",
                        "--data-dir=/var/lib/etcd",
                        "--peer-client-cert-auth",
                        "--listen-client-urls=https://127.0.0.1:2379 --auto-tls=false")))
                .containsExactly(
                        "etcd",
                        "--client-cert-auth=false",
                        "--cert-file=/pki/server.crt",
                        "--data-dir=/var/lib/etcd",
                        "--peer-client-cert-auth",
                        "--listen-client-urls=https://127.0.0.1:2379",
                        "--auto-tls=false");
    }
}
