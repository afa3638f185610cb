package io.clusterproof.evidence;

import com.lowagie.text.Document;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.assessment.StatusCounts;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.CheckDefinition;
import io.clusterproof.catalog.CompiledCheck;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.catalog.Severity;
import io.clusterproof.evidence.RemediationRecords.Waiver;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The findings parts of the report: a summary per check, and the findings themselves with their
 * evidence in a table that goes to the document a few rows at a time, so a report with tens of
 * thousands of findings needs no more memory than one with ten.
 */
final class PdfFindings {

    private static final int ROWS_PER_FLUSH = 50;

    private final AssessmentQueries assessments;
    private final Catalog catalog;
    private final PdfCells cells;
    private final int progressEvery;
    private final ZoneId zone;

    /** @param progressEvery findings listed between two progress reports */
    PdfFindings(AssessmentQueries assessments, Catalog catalog, PdfCells cells, int progressEvery, ZoneId zone) {
        this.assessments = assessments;
        this.catalog = catalog;
        this.cells = cells;
        this.progressEvery = progressEvery;
        this.zone = zone;
    }

    static FindingFilter filter(ReportScope scope, FindingStatus status) {
        return scope.findings().withStatuses(EnumSet.of(status));
    }

    long count(ClusterEvidence cluster, ReportScope scope, FindingStatus status) {
        return assessments.countFindings(cluster.requireAssessment().id(), filter(scope, status));
    }

    /** One row per check with findings of the status: how many, which controls, and the fix. */
    void byCheck(Document document, ReportScope scope, ClusterEvidence cluster, FindingStatus status) {
        var counts = assessments.countsByCheck(cluster.requireAssessment().id(), scope.findings());
        ToIntFunction<StatusCounts> pick = status == FindingStatus.WAIVED ? StatusCounts::waived : StatusCounts::fail;
        var controlsByCheck = scope.controlsByCheck();
        var checks = new ArrayList<String>();
        counts.forEach((check, c) -> {
            if (pick.applyAsInt(c) > 0) {
                checks.add(check);
            }
        });
        checks.sort(Comparator.comparing((String id) -> severity(id)).thenComparing(id -> id));
        var table = cells.table(17, 20, 7, 7, 12, 37);
        cells.header(
                table,
                "Check",
                "Title",
                "Severity",
                status == FindingStatus.WAIVED ? "Waived" : "Failing",
                "Controls",
                "Remediation");
        for (var id : checks) {
            var check = catalog.check(id).map(CompiledCheck::definition);
            table.addCell(cells.cell(id));
            table.addCell(cells.cell(check.map(CheckDefinition::title).orElse("(not in the current catalog)")));
            table.addCell(cells.cell(severity(id).label()));
            table.addCell(cells.right(String.valueOf(pick.applyAsInt(counts.get(id)))));
            table.addCell(cells.cell(controlsByCheck.getOrDefault(id, List.of()).stream()
                    .map(ControlDefinition::ref)
                    .collect(Collectors.joining(", "))));
            table.addCell(cells.markdown(check.map(CheckDefinition::remediation).orElse("")));
        }
        add(document, table);
    }

    /** Every finding of the cluster with the status, with its evidence; returns how many were listed. */
    long list(
            Document document,
            ClusterEvidence cluster,
            ReportScope scope,
            FindingStatus status,
            Map<Long, Waiver> waivers,
            Progress progress) {
        var assessmentId = cluster.requireAssessment().id();
        var filter = filter(scope, status);
        var total = assessments.countFindings(assessmentId, filter);
        var table = cells.table(5, 22, 18, 7, 38, 10);
        cells.header(table, "#", "Resource", "Check", "Severity", "Evidence", "First seen");
        table.setComplete(false);
        long[] listed = {0};
        assessments.eachFinding(assessmentId, filter, finding -> {
            var number = ++listed[0];
            table.addCell(cells.right(String.valueOf(number)));
            table.addCell(cells.cell(EvidenceText.resource(finding) + "\n" + finding.apiVersion()));
            table.addCell(cells.cell(finding.checkId() + "\n"
                    + catalog.check(finding.checkId())
                            .map(c -> c.definition().title())
                            .orElse("")));
            table.addCell(cells.cell(finding.severity().label()));
            var waiver = EvidenceText.waiver(finding, waivers, zone);
            table.addCell(cells.cell(EvidenceText.evidence(finding) + (waiver.isEmpty() ? "" : "\n" + waiver)));
            table.addCell(cells.cell(EvidenceText.instant(finding.firstSeenAt(), zone)));
            if (number % ROWS_PER_FLUSH == 0) {
                add(document, table);
            }
            if (number % progressEvery == 0 || number == total) {
                progress.report("Findings of " + cluster.name(), Math.min(1.0, (double) number / Math.max(1, total)));
            }
        });
        table.setComplete(true);
        add(document, table);
        return listed[0];
    }

    private Severity severity(String checkId) {
        return catalog.check(checkId).map(c -> c.definition().severity()).orElse(Severity.LOW);
    }

    static void add(Document document, com.lowagie.text.Element element) {
        document.add(element);
    }
}
