package io.clusterproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --baseline PREVIOUS.json}: exit 1 on a regression, and SARIF baseline states. */
class ScanBaselineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXTRA = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: extra
              namespace: shop
            spec:
              replicas: 2
              selector:
                matchLabels: {app: extra}
              template:
                metadata:
                  labels: {app: extra}
                spec:
                  containers:
                    - name: extra
                      image: registry.northwind.example/extra:1.0
                      securityContext:
                        privileged: true
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void the_same_manifests_do_not_regress_and_every_sarif_result_is_unchanged() throws IOException {
        var baseline = json(CliTest.CLEAN);

        var code = run("scan", CliTest.CLEAN, "--baseline", baseline.toString(), "--format", "sarif");

        assertThat(code).as(err()).isZero();
        var states = states(sarif());
        assertThat(states).isNotEmpty();
        assertThat(states.values()).containsOnly("unchanged");
    }

    @Test
    void a_new_critical_finding_exits_1_names_it_and_is_new_in_sarif() throws IOException {
        var baseline = json(CliTest.CLEAN);
        var worse = withExtraDeployment();

        var code = run("scan", worse.toString(), "--baseline", baseline.toString(), "--format", "sarif");

        assertThat(code).isEqualTo(1);
        assertThat(err())
                .contains(
                        "regressed since the baseline",
                        "new critical finding privileged-container on Deployment shop/extra");
        assertThat(err()).doesNotContain("Deployment shop/web");
        var states = states(sarif());
        assertThat(states).containsEntry("privileged-container Deployment shop/extra", "new");
        assertThat(states).containsEntry("privileged-container Deployment shop/web", "unchanged");
    }

    @Test
    void a_control_that_got_worse_exits_1_and_says_from_what_to_what() throws IOException {
        var baseline = json(CliTest.CLEAN);
        var report = (ObjectNode) JSON.readTree(baseline.toFile());
        String ref = null;
        for (var framework : report.get("frameworks")) {
            if (framework.get("id").asText().equals("pci-dss-4.0")) {
                for (var control : framework.get("controls")) {
                    if (control.get("status").asText().equals("FAIL")) {
                        ((ObjectNode) control).put("status", "PASS");
                        ref = control.get("ref").asText();
                        break;
                    }
                }
            }
        }
        assertThat(ref).as("a failing PCI control in the clean manifests").isNotNull();
        JSON.writeValue(baseline.toFile(), report);

        var code = run("scan", CliTest.CLEAN, "--baseline", baseline.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("pci-dss-4.0 control " + ref + ": PASS -> FAIL");
    }

    @Test
    void findings_fixed_since_the_baseline_are_absent_in_sarif_and_the_scan_passes() throws IOException {
        var baseline = json(withExtraDeployment().toString());

        var code = run("scan", CliTest.CLEAN, "--baseline", baseline.toString(), "--format", "sarif");

        assertThat(code).as(err()).isZero();
        var states = states(sarif());
        assertThat(states).containsEntry("privileged-container Deployment shop/extra", "absent");
        assertThat(states).containsEntry("privileged-container Deployment shop/web", "unchanged");
    }

    @Test
    void a_baseline_that_is_missing_or_not_a_scan_is_a_usage_error_naming_the_file() throws IOException {
        var missing = dir.resolve("nope.json");
        assertThat(run("scan", CliTest.CLEAN, "--baseline", missing.toString())).isEqualTo(2);
        assertThat(err()).contains("--baseline " + missing + " does not exist");

        var sarif = dir.resolve("previous.sarif");
        run("scan", CliTest.CLEAN, "--format", "sarif", "--output", sarif.toString());
        assertThat(run("scan", CliTest.CLEAN, "--baseline", sarif.toString())).isEqualTo(2);
        assertThat(err()).contains("--baseline " + sarif + " is not the output of scan --format json");
    }

    @Test
    void without_a_baseline_sarif_results_have_no_baseline_state() throws IOException {
        run("scan", CliTest.CLEAN, "--format", "sarif");

        assertThat(sarif().at("/runs/0/results").findValues("baselineState")).isEmpty();
        assertThat(sarif().at("/runs/0/results")).isNotEmpty();
    }

    private Path withExtraDeployment() throws IOException {
        var folder = Files.createDirectories(dir.resolve("worse-" + System.nanoTime()));
        Files.copy(Path.of(CliTest.CLEAN, "app.yaml"), folder.resolve("app.yaml"));
        Files.writeString(folder.resolve("extra.yaml"), EXTRA);
        return folder;
    }

    private Path json(String path) throws IOException {
        var file = dir.resolve("baseline-" + System.nanoTime() + ".json");
        assertThat(run("scan", path, "--format", "json", "--output", file.toString()))
                .isZero();
        return file;
    }

    private JsonNode sarif() throws IOException {
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    /**
     * Baseline state per "check Kind namespace/name", read back from the result message ("STATUS
     * resource: message", or "resource: no longer STATUS" for an absent one).
     */
    private static Map<String, String> states(JsonNode sarif) {
        var states = new HashMap<String, String>();
        for (var result : sarif.at("/runs/0/results")) {
            var text = result.at("/message/text").asText();
            var absent = result.path("baselineState").asText().equals("absent");
            var resource = text.substring(absent ? 0 : text.indexOf(' ') + 1, text.indexOf(':'));
            states.put(
                    result.get("ruleId").asText() + " " + resource,
                    result.path("baselineState").asText());
        }
        return states;
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Cli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
