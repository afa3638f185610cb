package io.clusterproof.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.clusterproof.cli.Cli;
import io.clusterproof.snapshot.KubernetesKinds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped Kubernetes manifests pass ClusterProof's own checks and grant exactly what it reads. */
class DeploymentManifestsTest {

    static final Path MANIFESTS = Path.of("deploy/kubernetes");
    static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void scanning_the_deployment_with_the_cli_reports_no_failure() throws IOException {
        var out = new ByteArrayOutputStream();
        var code = Cli.run(
                new String[] {"scan", MANIFESTS.toString(), "--format", "json"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        var report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(code).isZero();
        // ClusterProof's own namespace holds no card or patient data, so those frameworks say their scope is empty
        assertThat(report.get("errors"))
                .allSatisfy(e -> assertThat(
                                e.get("level").asText() + " " + e.get("message").asText())
                        .startsWith("warning Scope empty: "));
        var findings = report.get("findings");
        assertThat(findings).hasSizeGreaterThan(40);
        var failing = new HashSet<String>();
        findings.forEach(f -> {
            if (!Set.of("PASS", "NOT_APPLICABLE").contains(f.get("status").asText())) {
                failing.add(f.get("status").asText() + " " + f.get("checkId").asText() + " on "
                        + f.at("/resource/kind").asText() + " "
                        + f.at("/resource/name").asText() + ": "
                        + f.get("message").asText());
            }
        });
        assertThat(failing).isEmpty();
        assertThat(findings)
                .anyMatch(f -> f.get("checkId").asText().equals("secrets-read-access")
                        && f.get("status").asText().equals("PASS"));
    }

    @Test
    void the_cluster_role_grants_get_and_list_on_exactly_the_collected_kinds() throws IOException {
        assertThat(granted(MANIFESTS.resolve("20-rbac.yaml"))).isEqualTo(collected());
    }

    @Test
    void the_agent_s_cluster_role_grants_get_and_list_on_exactly_the_collected_kinds() throws IOException {
        assertThat(granted(MANIFESTS.resolve("agent/20-rbac.yaml"))).isEqualTo(collected());
    }

    @Test
    void scanning_the_agent_s_manifests_with_the_cli_reports_no_failure() throws IOException {
        var out = new ByteArrayOutputStream();
        var code = Cli.run(
                new String[] {"scan", MANIFESTS.resolve("agent").toString(), "--format", "json"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        var report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(code).isZero();
        var failing = new HashSet<String>();
        report.get("findings").forEach(f -> {
            if (!Set.of("PASS", "NOT_APPLICABLE").contains(f.get("status").asText())) {
                failing.add(f.get("status").asText() + " " + f.get("checkId").asText() + " on "
                        + f.at("/resource/kind").asText() + " "
                        + f.at("/resource/name").asText() + ": "
                        + f.get("message").asText());
            }
        });
        assertThat(failing).isEmpty();
        assertThat(report.get("findings"))
                .anyMatch(f -> f.get("checkId").asText().equals("secrets-read-access")
                        && f.get("status").asText().equals("PASS"));
    }

    private static Map<String, Set<String>> granted(Path rbac) throws IOException {
        var granted = new HashMap<String, Set<String>>();
        for (var document : documents(rbac)) {
            if (!document.get("kind").asText().equals("ClusterRole")) {
                continue;
            }
            for (var rule : document.get("rules")) {
                assertThat(rule.get("verbs")).extracting(JsonNode::asText).containsExactlyInAnyOrder("get", "list");
                assertThat(rule.has("resourceNames")).isFalse();
                for (var group : rule.get("apiGroups")) {
                    for (var resource : rule.get("resources")) {
                        granted.computeIfAbsent(group.asText(), g -> new HashSet<>())
                                .add(resource.asText());
                    }
                }
            }
        }
        return granted;
    }

    /** What the collector lists: the built-in kinds (Secrets only where granted) and the evidence kinds. */
    private static Map<String, Set<String>> collected() {
        var kinds = new HashMap<String, Set<String>>();
        KubernetesKinds.BUILT_IN.stream()
                .filter(k -> !KubernetesKinds.optional(k.kind()))
                .forEach(k ->
                        kinds.computeIfAbsent(k.group(), g -> new HashSet<>()).add(k.plural()));
        KubernetesKinds.EVIDENCE.forEach((group, names) -> names.forEach(
                kind -> kinds.computeIfAbsent(group, g -> new HashSet<>()).add(plural(kind))));
        return kinds;
    }

    /** The plural a CustomResourceDefinition conventionally declares for a kind. */
    private static String plural(String kind) {
        var lower = kind.toLowerCase(Locale.ROOT);
        if (lower.endsWith("s")) {
            return lower + "es";
        }
        if (lower.matches(".*[^aeiou]y")) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        return lower + "s";
    }

    private static Iterable<JsonNode> documents(Path file) throws IOException {
        var yaml = new ObjectMapper(new YAMLFactory());
        try (var parser = yaml.getFactory().createParser(Files.readString(file))) {
            var all = yaml.readValues(parser, JsonNode.class).readAll();
            return all.stream().filter(d -> d != null && !d.isNull()).toList();
        }
    }
}
