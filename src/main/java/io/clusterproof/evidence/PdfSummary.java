package io.clusterproof.evidence;

import com.lowagie.text.Document;
import com.lowagie.text.Image;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FrameworkScore;
import io.clusterproof.assessment.ScopeText;
import java.util.function.BiFunction;

/** Section 1, the executive summary: per cluster its evidence source, scores, counts, trend chart and trend line. */
final class PdfSummary extends PdfSection {

    PdfSummary(AssessmentQueries assessments, PdfCells cells, ReportScope scope, ReportExtras extras) {
        super(assessments, cells, scope, extras);
    }

    void add(Document document, BiFunction<ClusterEvidence, ReportScope, Image> chart) {
        document.add(cells.heading("1 Executive summary"));
        for (var cluster : scope.clusters()) {
            if (!cluster.assessed()) {
                document.add(cells.subheading(cluster.name()));
                document.add(cells.text("No assessment of " + cluster.name()
                        + " was stored before the period ended: there is nothing to report for it."));
                continue;
            }
            var score = cluster.requireScore();
            document.add(cells.subheading(cluster.name() + " as of "
                    + time(cluster.requireAssessment().snapshotTakenAt())));
            var provenance = cluster.requireSnapshot().provenance();
            var source = "Evidence source: " + provenance.describe() + ".";
            document.add(provenance.offSource() ? cells.alert(source) : cells.text(source));
            if (score.scopeEmpty()) {
                document.add(cells.alert(ScopeText.empty(scope.framework())));
            } else {
                document.add(scoreTable(score));
            }
            counts(document, score);
            document.add(chart.apply(cluster, scope));
            document.add(cells.muted(trendLine(cluster)));
        }
    }

    private com.lowagie.text.pdf.PdfPTable scoreTable(FrameworkScore score) {
        var scores = cells.table(18, 10, 46, 26);
        cells.header(scores, "Figure", "Value", "Formula", "Parts");
        scoreRow(
                scores,
                "Control score",
                score.controlScore(),
                FrameworkScore.CONTROL_SCORE_FORMULA,
                score.passingControls(),
                score.scoredControls());
        scoreRow(
                scores,
                "Verified share",
                score.verifiedShare(),
                FrameworkScore.VERIFIED_SHARE_FORMULA,
                score.verifiedControls(),
                score.scoredControls());
        scoreRow(
                scores,
                "Resource score",
                score.resourceScore(),
                FrameworkScore.RESOURCE_SCORE_FORMULA,
                score.passingChecks(),
                score.totalChecks());
        for (var severity : score.severities()) {
            scoreRow(
                    scores,
                    "  " + severity.severity().label() + " checks",
                    severity.resourceScore(),
                    "Resource score of the " + severity.severity().label() + " checks alone.",
                    severity.passingChecks(),
                    severity.totalChecks());
        }
        scoreRow(
                scores,
                "Automated coverage",
                score.coverage(),
                "Controls that checks prove completely, of the " + score.totalControls()
                        + " requirements in this catalog.",
                score.automatedControls(),
                score.totalControls());
        return scores;
    }

    private void scoreRow(
            com.lowagie.text.pdf.PdfPTable table, String name, double value, String formula, int part, int whole) {
        table.addCell(cells.cell(name, cells.fonts().smallBold));
        table.addCell(cells.right(value + " %"));
        table.addCell(cells.cell(formula));
        table.addCell(cells.cell(part + " ÷ " + whole));
    }

    private void counts(Document document, FrameworkScore score) {
        var c = score.controls();
        var controls = cells.table(12, 11, 11, 11, 11, 11, 11, 11, 11);
        cells.header(
                controls,
                "Controls",
                "PASS",
                "PASS (waived)",
                "FAIL",
                "NEEDS ATTESTATION",
                "ATTESTED",
                "UNKNOWN",
                "ERROR",
                "NOT APPLICABLE");
        cells.cells(
                controls,
                "Count",
                str(c.pass()),
                str(c.passWaived()),
                str(c.fail()),
                str(c.needsAttestation()),
                str(c.attested()),
                str(c.unknown()),
                str(c.error()),
                str(c.notApplicable()));
        document.add(controls);
        var f = score.findings();
        var findings = cells.table(16, 14, 14, 14, 14, 14, 14);
        cells.header(findings, "Resource-checks", "PASS", "FAIL", "WAIVED", "UNKNOWN", "ERROR", "NOT APPLICABLE");
        cells.cells(
                findings,
                "Count",
                str(f.pass()),
                str(f.fail()),
                str(f.waived()),
                str(f.unknown()),
                str(f.error()),
                str(f.notApplicable()));
        document.add(findings);
    }
}
