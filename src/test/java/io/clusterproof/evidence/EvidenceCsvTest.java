package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The CSVs parsed back agree with the stored assessment, row for row. */
@IntegrationTest
class EvidenceCsvTest {

    @Autowired
    DemoEvidence demo;

    @Autowired
    EvidenceService evidence;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    SnapshotReader snapshots;

    @Autowired
    Catalog catalog;

    @Test
    void the_findings_csv_has_one_row_per_control_and_finding_in_the_frameworks_scope() throws IOException {
        var records = parse(ExportFormat.FINDINGS_CSV, "gdpr");
        var framework = catalog.framework("gdpr").orElseThrow();
        var assessment = assessments.get(demo.assessmentId()).orElseThrow();
        var snapshot = snapshots.summary(assessment.snapshotId()).orElseThrow();

        // check by check in the framework's order of controls, each check's findings worst first
        var checks = new LinkedHashMap<String, List<ControlDefinition>>();
        framework
                .controls()
                .forEach(control -> control.mappedChecks()
                        .forEach(m -> checks.computeIfAbsent(m.id(), k -> new ArrayList<>())
                                .add(control)));
        var expected = new ArrayList<List<String>>();
        var findings = 0;
        for (var check : checks.entrySet()) {
            var filter = FindingFilter.all().withFramework("gdpr").withChecks(List.of(check.getKey()));
            for (var finding : assessments.findings(demo.assessmentId(), filter, 0, 100_000)) {
                findings++;
                for (var control : check.getValue()) {
                    expected.add(List.of(
                            control.ref(),
                            finding.resource().namespace(),
                            finding.resource().name(),
                            finding.checkId(),
                            finding.status().name(),
                            finding.severity().name()));
                }
            }
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(findings).isNotEmpty();
        assertThat(records.get(0).values()).containsExactlyElementsOf(FindingsCsv.HEADER);
        var rows = records.subList(1, records.size());
        assertThat(rows.stream()
                        .map(r -> List.of(r.get(1), r.get(4), r.get(6), r.get(8), r.get(10), r.get(11)))
                        .toList())
                .containsExactlyElementsOf(expected);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get(0)).isEqualTo("gdpr");
            assertThat(r.get(3)).isEqualTo(demo.cluster().name());
            assertThat(r.get(17)).isEqualTo(String.valueOf(assessment.id()));
            assertThat(r.get(18)).isEqualTo(String.valueOf(snapshot.id()));
            assertThat(r.get(19)).isEqualTo(snapshot.digest());
            assertThat(r.get(20)).isEqualTo(assessment.catalogDigest());
            assertThat(r.get(12)).isNotBlank();
            assertThat(r.get(13)).isNotBlank();
        });
    }

    @Test
    void a_findings_evidence_cell_holds_the_whole_message_and_every_path() throws IOException {
        var records = parse(ExportFormat.FINDINGS_CSV, DemoEvidence.PCI);
        var failing = assessments.findings(
                demo.assessmentId(),
                FindingFilter.all()
                        .withFramework(DemoEvidence.PCI)
                        .withStatuses(java.util.EnumSet.of(io.clusterproof.assessment.FindingStatus.FAIL)),
                0,
                1);
        var finding = failing.get(0);
        var row = records.stream()
                .filter(r -> r.get(8).equals(finding.checkId())
                        && r.get(6).equals(finding.resource().name()))
                .findFirst()
                .orElseThrow();

        assertThat(row.get(12)).startsWith(finding.message()).contains(finding.paths());
        assertThat(row.get(13))
                .isEqualTo(catalog.check(finding.checkId())
                        .orElseThrow()
                        .definition()
                        .remediation());
    }

    @Test
    void the_control_matrix_has_one_row_per_control_with_its_stored_status_and_counts() throws IOException {
        var records = parse(ExportFormat.CONTROLS_CSV, DemoEvidence.PCI);
        var framework = catalog.framework(DemoEvidence.PCI).orElseThrow();
        var results = assessments.controls(demo.assessmentId(), DemoEvidence.PCI);

        assertThat(records.get(0).values()).containsExactlyElementsOf(ControlMatrixCsv.HEADER);
        var rows = records.subList(1, records.size());
        assertThat(rows).hasSize(framework.controls().size());
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var control = framework.controls().get(i);
            var result = results.stream()
                    .filter(r -> r.ref().equals(control.ref()))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.get(2)).isEqualTo(control.ref());
            assertThat(row.get(3)).isEqualTo(control.title());
            assertThat(row.get(5)).isEqualTo(control.type().id());
            assertThat(List.of(row.get(6), row.get(7), row.get(8), row.get(9), row.get(10), row.get(11)))
                    .as(control.ref())
                    .containsExactly(
                            result.status().name(),
                            String.valueOf(result.pass()),
                            String.valueOf(result.fail()),
                            String.valueOf(result.waived()),
                            String.valueOf(result.unknown()),
                            String.valueOf(result.error()));
            assertThat(row.get(12).isEmpty() ? List.of() : List.of(row.get(12).split(" ")))
                    .containsExactlyElementsOf(
                            control.mappedChecks().stream().map(m -> m.id()).toList());
            if (control.automated()) {
                assertThat(row.get(13)).isEmpty();
            } else if (result.attestationId() == null) {
                assertThat(row.get(13)).startsWith("needs attestation");
            }
            assertThat(row.get(19))
                    .isEqualTo(
                            control.implementation() == null
                                    ? ""
                                    : control.implementation().id());
            assertThat(row.get(20)).isEqualTo(result.note() == null ? "" : result.note());
            assertThat(row.get(21).isEmpty()).isEqualTo(result.status() != ControlStatus.PASS_WAIVED);
        }
    }

    @Test
    void records_are_separated_by_crlf_and_the_file_is_utf8() throws IOException {
        var bytes = export(ExportFormat.CONTROLS_CSV, DemoEvidence.PCI);
        var text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).startsWith(String.join(",", ControlMatrixCsv.HEADER) + "\r\n");
        assertThat(StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(bytes))
                        .toString())
                .isEqualTo(text);
    }

    private List<CSVRecord> parse(ExportFormat format, String framework) throws IOException {
        var text = new String(export(format, framework), StandardCharsets.UTF_8);
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    private byte[] export(ExportFormat format, String framework) {
        var out = new ByteArrayOutputStream();
        AsAdmin.as("test-auditor", "AUDITOR", () -> {
            evidence.write(demo.request(framework), format, out);
            return null;
        });
        return out.toByteArray();
    }
}
