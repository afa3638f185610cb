package io.clusterproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.catalog.CatalogFiles;
import io.clusterproof.catalog.CatalogLoader;
import io.clusterproof.evidence.OscalDocument;
import io.clusterproof.evidence.OscalSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code scan --format oscal}: NIST OSCAL assessment results of a set of manifests. */
class ScanOscalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void a_scan_is_valid_oscal_assessment_results_without_empty_lists() throws IOException {
        var document = scan("scan", CliTest.CLEAN, "--format", "oscal");

        assertThat(OscalSchema.violations(document)).isEmpty();
        assertThat(OscalSchema.emptyArrays(document)).isEmpty();
        assertThat(document.at("/assessment-results/results")).hasSize(3);
    }

    @Test
    void every_control_of_each_framework_is_reviewed_and_has_a_finding() throws IOException {
        var document = scan("scan", CliTest.CLEAN, "--format", "oscal", "--framework", "pci-dss-4.0");
        var pci = CatalogLoader.load(List.of(CatalogFiles.builtIn()), 200_000)
                .framework("pci-dss-4.0")
                .orElseThrow();
        var expected = pci.controls().stream()
                .map(c -> OscalDocument.controlId(pci.id(), c.ref()))
                .toList();

        var result = document.at("/assessment-results/results/0");
        assertThat(document.at("/assessment-results/results")).hasSize(1);
        assertThat(result.at("/reviewed-controls/control-selections/0/include-controls")
                        .findValuesAsText("control-id"))
                .containsExactlyElementsOf(expected);
        assertThat(result.get("findings").findValuesAsText("target-id")).containsExactlyElementsOf(expected);
    }

    @Test
    void a_failing_check_makes_its_controls_not_satisfied_and_no_attestation_control_reads_satisfied()
            throws IOException {
        var document = scan("scan", CliTest.CLEAN, "--format", "oscal");

        for (var finding : document.findValues("findings").stream()
                .flatMap(f -> f.findParents("target").stream())
                .toList()) {
            var type = propValue(finding, "control-type");
            var status = propValue(finding, "status");
            var state = finding.at("/target/status/state").asText();
            if (!type.equals("automated")) {
                assertThat(state).as(finding.get("title").asText()).isEqualTo("not-satisfied");
            }
            if (status.equals("FAIL")) {
                assertThat(state).isEqualTo("not-satisfied");
                assertThat(finding.at("/target/status/reason").asText()).isEqualTo("fail");
            }
        }
        assertThat(document.toString()).contains("\"value\":\"FAIL\"");
    }

    @Test
    void two_scans_of_the_same_manifests_have_the_same_uuids() throws IOException {
        var first = scan("scan", CliTest.CLEAN, "--format", "oscal");
        var second = scan("scan", CliTest.CLEAN, "--format", "oscal");

        assertThat(second.findValuesAsText("uuid")).isNotEmpty().isEqualTo(first.findValuesAsText("uuid"));
        assertThat(scan("scan", CliTest.BROKEN, "--format", "oscal").findValuesAsText("uuid"))
                .doesNotContainAnyElementsOf(first.findValuesAsText("uuid"));
    }

    private static String propValue(JsonNode node, String name) {
        for (var prop : node.get("props")) {
            if (prop.get("name").asText().equals(name)) {
                return prop.get("value").asText();
            }
        }
        throw new AssertionError("no prop " + name + " in " + node);
    }

    private JsonNode scan(String... args) throws IOException {
        out.reset();
        Cli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
