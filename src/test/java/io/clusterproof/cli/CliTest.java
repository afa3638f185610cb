package io.clusterproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

    static final String CLEAN = "src/test/resources/cli/clean";
    static final String BROKEN = "src/test/resources/cli/broken/bad.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void json_output_follows_the_contract() throws IOException {
        var code = run("scan", CLEAN, "--format", "json");

        assertThat(code).isZero();
        var report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("catalogDigest").asText()).hasSize(64);
        assertThat(report.get("frameworks")).hasSize(3);
        var pci = framework(report, "pci-dss-4.0");
        assertThat(pci.get("controlScore").isNumber()).isTrue();
        assertThat(pci.get("verifiedShare").isNumber()).isTrue();
        assertThat(pci.get("resourceScore").isNumber()).isTrue();
        assertThat(pci.get("scopeEmpty").asBoolean()).isFalse();
        assertThat(pci.get("controls").get(0).has("ref")).isTrue();
        assertThat(pci.get("controls").get(0).has("status")).isTrue();
        var privileged = finding(report, "privileged-container", "web");
        assertThat(privileged.get("status").asText()).isEqualTo("FAIL");
        assertThat(privileged.get("severity").asText()).isEqualTo("critical");
        assertThat(privileged.get("resource").get("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(privileged.get("resource").get("namespace").asText()).isEqualTo("shop");
        assertThat(privileged.get("paths").get(0).asText())
                .isEqualTo("spec.template.spec.containers[1].securityContext.privileged");
        assertThat(finding(report, "data-classification-missing", "shop")
                        .get("resource")
                        .get("namespace")
                        .isNull())
                .isTrue();
        // the clean manifests hold cardholder data only: HIPAA has nothing in scope, and says so
        assertThat(report.get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("level").asText()).isEqualTo("warning");
            assertThat(e.get("source").asText()).isEqualTo("hipaa-security-rule");
        });
    }

    @Test
    void every_framework_has_counts_of_every_status_and_scores_that_follow_from_them() throws IOException {
        assertThat(run("scan", CLEAN, "--format", "json")).isZero();

        var report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        for (var framework : report.get("frameworks")) {
            var counts = framework.get("counts");
            assertThat(names(counts))
                    .containsExactly(
                            "PASS",
                            "PASS_WAIVED",
                            "FAIL",
                            "NEEDS_ATTESTATION",
                            "ATTESTED",
                            "UNKNOWN",
                            "ERROR",
                            "NOT_APPLICABLE");
            int sum = 0;
            for (var n : counts) {
                sum += n.asInt();
            }
            var controls = framework.get("controls");
            assertThat(sum).isEqualTo(controls.size());
            int denominator = sum - counts.get("NOT_APPLICABLE").asInt();
            int passing = counts.get("PASS").asInt()
                    + counts.get("PASS_WAIVED").asInt()
                    + counts.get("ATTESTED").asInt();
            if (framework.get("scopeEmpty").asBoolean()) {
                assertThat(framework.get("controlScore").isNull()).isTrue();
            } else {
                assertThat(framework.get("controlScore").asDouble())
                        .as(framework.get("id").asText())
                        .isEqualTo(Math.round(1000.0 * passing / denominator) / 10.0);
            }
            for (var control : controls) {
                assertThat(names(control)).containsExactly("ref", "type", "status");
                assertThat(control.get("type").asText()).isIn("automated", "hybrid", "attestation");
                if (!control.get("type").asText().equals("automated")) {
                    assertThat(control.get("status").asText())
                            .as("a scan has no attestations: "
                                    + control.get("ref").asText())
                            .isNotIn("PASS", "PASS_WAIVED", "ATTESTED");
                }
            }
        }
    }

    @Test
    void a_scan_never_passes_a_hybrid_control_whose_checks_pass_it_needs_an_attestation() throws IOException {
        var code = run(
                "scan",
                "src/test/resources/cli/hybrid",
                "--catalog",
                "src/test/resources/scoring-catalog",
                "--framework",
                "test-framework",
                "--format",
                "json");

        assertThat(code).isZero();
        var framework = framework(JSON.readTree(out.toString(StandardCharsets.UTF_8)), "test-framework");
        var hybrid = find(framework.get("controls"), "C.1", "ref");
        assertThat(hybrid.get("type").asText()).isEqualTo("hybrid");
        assertThat(hybrid.get("status").asText()).isEqualTo("NEEDS_ATTESTATION");
        assertThat(find(framework.get("controls"), "A.1", "ref").get("status").asText())
                .isEqualTo("PASS");
    }

    @Test
    void a_framework_with_nothing_in_scope_has_no_score_and_a_warning_names_the_labels() throws IOException {
        var code = run("scan", "src/test/resources/cli/unscoped", "--format", "json");

        assertThat(code).isZero();
        var report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        var pci = framework(report, "pci-dss-4.0");
        assertThat(pci.get("scopeEmpty").asBoolean()).isTrue();
        assertThat(pci.get("controlScore").isNull()).isTrue();
        assertThat(pci.get("verifiedShare").isNull()).isTrue();
        assertThat(framework(report, "gdpr").get("scopeEmpty").asBoolean()).isFalse();
        var warning = find(report.get("errors"), "pci-dss-4.0", "source");
        assertThat(warning.get("level").asText()).isEqualTo("warning");
        assertThat(warning.get("message").asText())
                .startsWith("Scope empty")
                .contains("Label namespaces with clusterproof.io/scope=cde");
        assertThat(run("scan", "src/test/resources/cli/unscoped", "--framework", "pci-dss-4.0", "--fail-under", "0"))
                .isEqualTo(1);
    }

    @Test
    void controls_lists_every_control_with_its_type_implementation_and_checks() throws IOException {
        assertThat(run("controls", "--framework", "hipaa-security-rule", "--format", "json"))
                .isZero();

        var controls = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(controls.size()).isGreaterThan(10);
        for (var control : controls) {
            assertThat(names(control))
                    .containsExactly("framework", "frameworkTitle", "ref", "title", "type", "implementation", "checks");
            assertThat(control.get("framework").asText()).isEqualTo("hipaa-security-rule");
            assertThat(control.get("frameworkTitle").asText()).isEqualTo("HIPAA Security Rule");
            assertThat(control.get("type").asText()).isIn("automated", "hybrid", "attestation");
            assertThat(control.get("implementation").isNull()
                            || List.of("required", "addressable")
                                    .contains(control.get("implementation").asText()))
                    .isTrue();
            if (control.get("type").asText().equals("attestation")) {
                assertThat(control.get("checks")).isEmpty();
            } else {
                assertThat(control.get("checks")).isNotEmpty();
            }
        }
        out.reset();
        assertThat(run("controls", "--format", "json")).isZero();
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).findValuesAsText("framework"))
                .contains("pci-dss-4.0", "gdpr", "hipaa-security-rule");
        assertThat(run("controls", "--framework", "sox")).isEqualTo(2);
    }

    private static List<String> names(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void broken_documents_are_errors_with_file_and_line_the_rest_is_scanned_and_the_exit_code_is_2()
            throws IOException {
        var code = run("scan", BROKEN, "--format", "json");

        assertThat(code).isEqualTo(2);
        var report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("errors")).hasSize(2);
        assertThat(report.get("errors").get(0).get("level").asText()).isEqualTo("error");
        assertThat(report.get("errors").get(0).get("source").asText()).isEqualTo(BROKEN + ":7");
        assertThat(report.get("errors").get(0).get("message").asText()).isEqualTo("lacks metadata.name");
        assertThat(report.get("errors").get(1).get("level").asText()).isEqualTo("warning");
        assertThat(report.get("errors").get(1).get("source").asText()).isEqualTo(BROKEN + ":12");
        assertThat(report.get("errors").get(1).get("message").asText()).contains("networking.k8s.io/v1beta1");
        assertThat(report.get("findings").findValuesAsText("name")).contains("fine", "old");
    }

    @Test
    void fail_under_sets_exit_code_1_when_a_control_score_is_lower() {
        assertThat(run("scan", CLEAN, "--framework", "pci-dss-4.0", "--fail-under", "100"))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pci-dss-4.0 control score");
        assertThat(run("scan", CLEAN, "--framework", "pci-dss-4.0", "--fail-under", "0"))
                .isZero();
    }

    @Test
    void the_table_names_scores_and_failures() {
        run("scan", CLEAN);

        var table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("FRAMEWORK", "pci-dss-4.0", "privileged-container", "Deployment shop/web");
    }

    @Test
    void csv_has_one_row_per_finding_and_neutralises_formulas(@TempDir Path dir) throws IOException {
        var file = dir.resolve("out.csv");

        run("scan", CLEAN, "--format", "csv", "--output", file.toString());

        var records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(file)))
                .getRecords();
        assertThat(records).isNotEmpty();
        assertThat(records).anySatisfy(r -> assertThat(r.get("Name")).isEqualTo("'=1+2"));
        assertThat(records).noneSatisfy(r -> assertThat(r.get("Name")).startsWith("="));
    }

    @Test
    void sarif_has_rules_and_results_located_in_the_manifest(@TempDir Path dir) throws IOException {
        var file = dir.resolve("out.sarif");

        run("scan", CLEAN, "--format", "sarif", "--output", file.toString());

        var sarif = JSON.readTree(file.toFile());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).contains("sarif-2.1.0");
        var run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("rules").size()).isGreaterThanOrEqualTo(55);
        var result = find(run.get("results"), "privileged-container");
        assertThat(result.get("level").asText()).isEqualTo("error");
        var location = result.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo(CLEAN + "/app.yaml");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(9);
        var rule = run.get("tool")
                .get("driver")
                .get("rules")
                .get(result.get("ruleIndex").asInt());
        assertThat(rule.get("id").asText()).isEqualTo("privileged-container");
    }

    @Test
    void usage_errors_exit_with_2_and_explain() {
        assertThat(run("scan")).isEqualTo(2);
        assertThat(run("scan", CLEAN, "--format", "xml")).isEqualTo(2);
        assertThat(run("scan", CLEAN, "--frobnicate")).isEqualTo(2);
        assertThat(run("scan", CLEAN, "--framework", "sox")).isEqualTo(2);
        assertThat(run("scan", CLEAN, "--fail-under", "lots")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Usage:", "unknown framework sox", "--fail-under must be a number");
    }

    @Test
    void catalog_commands_accept_only_their_own_options_and_name_the_wrong_one() {
        assertThat(run("checks", "--format", "csv")).isEqualTo(2);
        assertThat(run("controls", "--format", "table")).isEqualTo(2);
        assertThat(run("checks", "--framework", "gdpr")).isEqualTo(2);
        assertThat(run("checks", "verify", "--format", "json")).isEqualTo(2);
        assertThat(run("controls", "--catalog")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "checks supports --format json only",
                        "controls supports --format json only",
                        "unknown argument --framework",
                        "unknown argument --format",
                        "--catalog needs a value");
    }

    @Test
    void checks_lists_every_check_with_refs_and_controls() throws IOException {
        assertThat(run("checks", "--format", "json")).isZero();

        var checks = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(checks.size()).isGreaterThanOrEqualTo(55);
        var privileged = find(checks, "privileged-container");
        assertThat(privileged.get("title").asText()).isNotBlank();
        assertThat(privileged.get("severity").asText()).isEqualTo("critical");
        assertThat(privileged.get("kinds")).extracting(JsonNode::asText).contains("Deployment", "Pod");
        assertThat(privileged.get("refs").get("kubescape").get(0).asText()).isEqualTo("C-0057");
        assertThat(privileged.get("refs").get("pss").asText()).isEqualTo("baseline");
        assertThat(privileged.get("controls").has("pci-dss-4.0")).isTrue();
    }

    @Test
    void scan_runs_from_the_application_entry_point_without_web_server_or_database() throws Exception {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                // a database that does not exist: the scan must never try to reach it
                "-Dspring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere",
                "io.clusterproof.ClusterProofApplication",
                "scan",
                CLEAN,
                "--format",
                "json"));
        var process = new ProcessBuilder(command).redirectErrorStream(false).start();
        var stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(stderr).isZero();
        assertThat(JSON.readTree(stdout).get("findings").size()).isPositive();
        assertThat(stdout).doesNotContain("Tomcat").doesNotContain("HikariPool");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help", "scan --help"})
    void help_prints_the_usage_and_exits_0_without_server_or_data_folder(String arguments, @TempDir Path dir)
            throws Exception {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.clusterproof.ClusterProofApplication"));
        command.addAll(List.of(arguments.split(" ")));
        var process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("Usage:", "scan PATH")
                .doesNotContain("Tomcat")
                .doesNotContain("Started");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    private int run(String... args) {
        out.reset();
        return Cli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static JsonNode framework(JsonNode report, String id) {
        return find(report.get("frameworks"), id);
    }

    private static JsonNode finding(JsonNode report, String check, String name) {
        for (var finding : report.get("findings")) {
            if (finding.get("checkId").asText().equals(check)
                    && finding.get("resource").get("name").asText().equals(name)) {
                return finding;
            }
        }
        throw new AssertionError("no finding " + check + " " + name);
    }

    private static JsonNode find(JsonNode array, String value, String field) {
        for (var node : array) {
            if (node.has(field) && node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value);
    }

    private static JsonNode find(JsonNode array, String id) {
        for (var node : array) {
            var value = node.has("id") ? node.get("id") : node.get("ruleId");
            if (value != null && value.asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no " + id);
    }
}
