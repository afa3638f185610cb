package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.assessment.FrameworkScore;
import io.clusterproof.assessment.StoredFinding;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The PDF report read back with PDFBox agrees with the stored assessment. */
@IntegrationTest
class EvidenceReportTest {

    @Autowired
    DemoEvidence demo;

    @Autowired
    EvidenceService evidence;

    @Autowired
    Exports exports;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    Catalog catalog;

    @Test
    void the_methodology_states_the_score_formulas_word_for_word_as_the_readme() throws Exception {
        var readme = Files.readAllLines(Path.of("README.md"));
        var formulas = readme.stream()
                .map(String::trim)
                .filter(l -> l.startsWith("> Control score =") || l.startsWith("> Verified share ="))
                .map(l -> l.substring(2))
                .toList();
        assertThat(formulas).hasSize(2);

        var text = pdf(demo.request(DemoEvidence.PCI)).compact();
        var methodology = text.substring(text.lastIndexOf(PdfText.compact("7 Methodology")));

        for (var formula : formulas) {
            assertThat(methodology).contains(PdfText.compact(formula));
        }
        assertThat(formulas)
                .containsExactly(FrameworkScore.CONTROL_SCORE_FORMULA, FrameworkScore.VERIFIED_SHARE_FORMULA);
    }

    @Test
    void the_report_shows_the_stored_scores_with_their_formulas() {
        var pdf = pdf(demo.request(DemoEvidence.PCI));
        var score = assessments.scores(demo.assessmentId()).stream()
                .filter(s -> s.frameworkId().equals(DemoEvidence.PCI))
                .findFirst()
                .orElseThrow();

        var text = pdf.compact();
        assertThat(text)
                .contains(PdfText.compact("Control score " + score.controlScore() + " % "
                        + FrameworkScore.CONTROL_SCORE_FORMULA + " " + score.passingControls() + " ÷ "
                        + score.scoredControls()))
                .contains(PdfText.compact("Verified share " + score.verifiedShare() + " % "
                        + FrameworkScore.VERIFIED_SHARE_FORMULA + " " + score.verifiedControls() + " ÷ "
                        + score.scoredControls()))
                .contains(PdfText.compact("Resource score " + score.resourceScore() + " % "
                        + FrameworkScore.RESOURCE_SCORE_FORMULA + " " + score.passingChecks() + " ÷ "
                        + score.totalChecks()))
                .contains(PdfText.compact("Automated coverage " + score.coverage() + " %"));
        assertThat(score.findings().fail())
                .as("the demo has failures to report")
                .isPositive();
    }

    @Test
    void the_report_lists_every_control_with_its_stored_status_and_counts() {
        var pdf = pdf(demo.request(DemoEvidence.PCI));
        var framework = catalog.framework(DemoEvidence.PCI).orElseThrow();
        var results = assessments.controls(demo.assessmentId(), DemoEvidence.PCI);
        assertThat(results).hasSize(framework.controls().size());

        var text = pdf.compact();
        var controls = text.substring(text.indexOf("3Controls"), text.indexOf("4Failingfindings"));
        var cursor = 0;
        for (var control : framework.controls()) {
            var result = results.stream()
                    .filter(r -> r.ref().equals(control.ref()))
                    .findFirst()
                    .orElseThrow();
            // the row: reference and title, then (after a note, where the control has one) status and counts
            var head = PdfText.compact(control.ref() + control.title());
            var tail = PdfText.compact(io.clusterproof.base.EnumLabels.of(result.status())
                    + result.pass()
                    + result.fail()
                    + result.waived()
                    + (result.unknown() + result.error()));
            var at = controls.indexOf(head, cursor);
            assertThat(at).as("row of control %s: %s", control.ref(), head).isGreaterThanOrEqualTo(0);
            var statusAt = controls.indexOf(tail, at + head.length());
            assertThat(statusAt)
                    .as("status of control %s: %s", control.ref(), tail)
                    .isGreaterThanOrEqualTo(0);
            cursor = statusAt + tail.length();
        }
        assertThat(results).anyMatch(r -> r.status() == ControlStatus.FAIL);
    }

    @Test
    void the_report_lists_every_failing_finding_with_its_evidence_in_order() {
        var pdf = pdf(demo.request(DemoEvidence.PCI));
        var failing = failing(DemoEvidence.PCI);
        var score = assessments.scores(demo.assessmentId()).stream()
                .filter(s -> s.frameworkId().equals(DemoEvidence.PCI))
                .findFirst()
                .orElseThrow();
        assertThat(failing).isNotEmpty().hasSize(score.findings().fail());

        var text = pdf.compact();
        assertThat(text).contains(PdfText.compact(demo.cluster().name() + ": " + failing.size() + " failing findings"));
        var section = text.substring(text.indexOf("4Failingfindings"), text.indexOf("5Waiversandattestations"));
        assertRowsInOrder(section, failing);
    }

    @Test
    void a_large_set_of_failing_findings_is_summarised_and_listed_in_full_in_an_appendix() {
        var request = demo.request(DemoEvidence.PCI);
        var resolved = exports.resolve(request);
        var out = new ByteArrayOutputStream();
        exports.pdf(3).write(resolved.scope(), resolved.extras(), "test", Instant.now(), out, Progress.NONE);
        var text = PdfText.of(out.toByteArray()).compact();
        var failing = failing(DemoEvidence.PCI);
        assertThat(failing).hasSizeGreaterThan(3);

        var section = text.substring(text.indexOf("4Failingfindings"), text.indexOf("5Waiversandattestations"));
        assertThat(section)
                .contains(PdfText.compact("All " + failing.size() + " failing findings of "
                        + demo.cluster().name() + " are listed with their evidence in Appendix A."))
                .doesNotContain(PdfText.compact(failing.get(0).message()));
        var appendix = text.substring(text.indexOf("AppendixA:failingfindings"));
        assertRowsInOrder(appendix, failing);
    }

    @Test
    void pages_are_numbered_page_x_of_y_and_the_fonts_are_embedded() {
        var pdf = pdf(demo.request(DemoEvidence.PCI));

        var text = pdf.compact();
        assertThat(pdf.pages()).isGreaterThan(3);
        assertThat(text).contains("page1of" + pdf.pages()).contains("page" + pdf.pages() + "of" + pdf.pages());
        for (int page = 1; page <= pdf.pages(); page++) {
            assertThat(text).contains("page" + page + "of" + pdf.pages());
        }
        assertThat(text).doesNotContain("page" + (pdf.pages() + 1) + "of");
        assertThat(pdf.fonts()).isNotEmpty().allSatisfy(font -> {
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            assertThat(font.getName()).contains("DejaVuSans");
        });
    }

    @Test
    void the_report_states_its_scope_period_methodology_and_digests() {
        var request = demo.request(DemoEvidence.PCI);
        var pdf = pdf(request);
        var assessment = assessments.get(demo.assessmentId()).orElseThrow();

        var text = pdf.compact();
        assertThat(text)
                .contains(PdfText.compact(request.from() + " to " + request.to()))
                .contains(PdfText.compact("Generated by test-auditor"))
                .contains(PdfText.compact("{\"matchLabels\":{\"clusterproof.io/scope\":\"cde\"}}"))
                .contains("namespacesinscope(")
                .contains(catalog.digest())
                .contains(assessment.catalogDigest())
                .contains("7Methodology")
                .contains(PdfText.compact("6 Drift in the period"));
        var snapshotDigest = text.indexOf(PdfText.compact(String.valueOf(assessment.snapshotId())));
        assertThat(snapshotDigest).isPositive();
    }

    @Test
    void without_waiver_attestation_or_drift_providers_the_report_says_none_are_recorded() {
        var resolved = exports.resolve(demo.request(DemoEvidence.PCI));
        var out = new ByteArrayOutputStream();
        exports.pdf(200)
                .write(
                        resolved.scope(),
                        ReportExtras.NONE,
                        "test",
                        Instant.parse("2026-11-20T10:00:00Z"),
                        out,
                        Progress.NONE);
        var text = PdfText.of(out.toByteArray()).compact();

        assertThat(text)
                .contains(PdfText.compact("none recorded (no waiver register supplies this report)"))
                .contains(PdfText.compact("None recorded (no attestation register supplies this report)"))
                .contains(PdfText.compact("Drift summary: none recorded"));
    }

    @Test
    void waivers_attestations_and_drift_from_their_providers_appear_in_the_report() {
        var resolved = exports.resolve(demo.request(DemoEvidence.PCI));
        var clusterId = demo.cluster().id();
        var at = Instant.parse("2026-11-20T10:00:00Z");
        var extras = new ReportExtras(
                Map.of(
                        clusterId,
                        List.of(new RemediationRecords.Waiver(
                                41,
                                "privileged-container",
                                "Deployment payments/legacy-agent",
                                "Vendor agent needs host access until Q2",
                                "RISK-7",
                                "engineer",
                                "officer",
                                at,
                                at.plusSeconds(86_400 * 90)))),
                List.of(new RemediationRecords.Attestation(
                        7,
                        DemoEvidence.PCI,
                        "12.6.1",
                        "every cluster (organisation-wide)",
                        "Security awareness training completed by all staff",
                        "officer",
                        at,
                        at.plusSeconds(86_400 * 365),
                        "HR-2026-14")),
                Map.of(
                        clusterId,
                        new DriftRecords.Drift(
                                1L,
                                2L,
                                3,
                                4,
                                5,
                                6,
                                7,
                                List.of(new DriftRecords.Change(
                                        at, "Deployment payments/api", "image-tag-pinned", "PASS", "FAIL")))));
        var out = new ByteArrayOutputStream();
        exports.pdf(200).write(resolved.scope(), extras, "test", at, out, Progress.NONE);

        var text = PdfText.of(out.toByteArray()).compact();
        assertThat(text)
                .contains(PdfText.compact("Vendor agent needs host access until Q2"))
                .contains("RISK-7")
                .contains(PdfText.compact("Security awareness training completed by all staff"))
                .contains("HR-2026-14")
                .contains(PdfText.compact("1 → 2 3 4 5 6 7"))
                .contains(PdfText.compact("Deployment payments/api image-tag-pinned PASS FAIL"));
    }

    private PdfText pdf(ExportRequest request) {
        var out = new ByteArrayOutputStream();
        AsAdmin.as("test-auditor", "AUDITOR", () -> {
            evidence.write(request, ExportFormat.PDF, out);
            return null;
        });
        return PdfText.of(out.toByteArray());
    }

    /** The framework's failing findings in stored order: in its scope, of checks its controls list. */
    private List<StoredFinding> failing(String frameworkId) {
        var checks = catalog.framework(frameworkId).orElseThrow().controls().stream()
                .flatMap(c -> c.mappedChecks().stream())
                .map(m -> m.id())
                .distinct()
                .toList();
        var filter = FindingFilter.all()
                .withFramework(frameworkId)
                .withChecks(checks)
                .withStatuses(EnumSet.of(FindingStatus.FAIL));
        var count = assessments.countFindings(demo.assessmentId(), filter);
        return assessments.findings(demo.assessmentId(), filter, 0, (int) count);
    }

    /** Each finding's row: number, resource, check, severity, message, in the stored order. */
    private static void assertRowsInOrder(String text, List<StoredFinding> findings) {
        var cursor = 0;
        for (int i = 0; i < findings.size(); i++) {
            var finding = findings.get(i);
            var row =
                    PdfText.compact((i + 1) + finding.resource().display() + finding.apiVersion() + finding.checkId());
            var at = text.indexOf(row, cursor);
            assertThat(at).as("row %d: %s", i + 1, row).isGreaterThanOrEqualTo(0);
            var message = text.indexOf(PdfText.compact(finding.message()), at);
            assertThat(message).as("evidence of row %d", i + 1).isGreaterThan(at);
            for (var path : finding.paths()) {
                assertThat(text.indexOf(PdfText.compact(path), message)).isGreaterThan(at);
            }
            cursor = at + row.length();
        }
    }
}
