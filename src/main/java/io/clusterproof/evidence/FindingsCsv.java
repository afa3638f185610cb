package io.clusterproof.evidence;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.StatusCounts;
import io.clusterproof.base.CsvRows;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.CompiledCheck;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings CSV: one row per control × finding in the framework's scope (of a check one of its
 * controls lists), for every cluster of the report, read a page at a time so memory does not grow
 * with the number of rows.
 */
final class FindingsCsv {

    static final List<String> HEADER = List.of(
            "Framework",
            "Control",
            "Control Title",
            "Cluster",
            "Namespace",
            "Kind",
            "Name",
            "API Version",
            "Check",
            "Check Title",
            "Status",
            "Severity",
            "Evidence",
            "Remediation",
            "Waiver",
            "First Seen",
            "Assessed At",
            "Assessment",
            "Snapshot",
            "Snapshot Digest",
            "Catalog Digest");

    private final AssessmentQueries assessments;
    private final Catalog catalog;
    private final int progressEvery;

    /** @param progressEvery findings written between two progress reports */
    FindingsCsv(AssessmentQueries assessments, Catalog catalog, int progressEvery) {
        this.assessments = assessments;
        this.catalog = catalog;
        this.progressEvery = progressEvery;
    }

    /**
     * Writes the CSV and returns the number of data rows. Findings are read check by check (in the
     * framework's order), each check's worst first, streamed from the database: per-check queries
     * use the check index and sort only that check's findings once, which keeps a six-figure export
     * fast.
     */
    long write(ReportScope scope, ReportExtras extras, OutputStream out, Progress progress) {
        var framework = scope.framework();
        var controlsByCheck = scope.controlsByCheck();
        long[] rows = {0};
        try (var csv = CsvRows.to(out, HEADER)) {
            var clusters = scope.assessed();
            for (int c = 0; c < clusters.size(); c++) {
                var index = c;
                var cluster = clusters.get(c);
                var assessment = cluster.requireAssessment();
                var snapshot = cluster.requireSnapshot();
                var waivers = extras.waiversById(cluster.cluster().id());
                var counts = assessments.countsByCheck(assessment.id(), scope.findings());
                var total =
                        counts.values().stream().mapToLong(StatusCounts::total).sum();
                long[] done = {0};
                for (var checkId : controlsByCheck.keySet()) {
                    var count = counts.get(checkId);
                    if (count == null || count.total() == 0) {
                        continue;
                    }
                    var check = catalog.check(checkId).map(CompiledCheck::definition);
                    var controls = controlsByCheck.get(checkId);
                    var filter = scope.findings().withChecks(List.of(checkId));
                    assessments.eachFinding(assessment.id(), filter, finding -> {
                        for (var control : controls) {
                            var cells = new ArrayList<String>(HEADER.size());
                            cells.add(framework.id());
                            cells.add(control.ref());
                            cells.add(control.title());
                            cells.add(cluster.name());
                            cells.add(finding.resource().namespace());
                            cells.add(finding.resource().qualifiedKind());
                            cells.add(finding.resource().name());
                            cells.add(finding.apiVersion());
                            cells.add(finding.checkId());
                            cells.add(check.map(d -> d.title()).orElse(""));
                            cells.add(finding.status().name());
                            cells.add(finding.severity().name());
                            cells.add(EvidenceText.evidence(finding));
                            cells.add(check.map(d -> d.remediation()).orElse(""));
                            cells.add(EvidenceText.waiver(finding, waivers, scope.zone()));
                            cells.add(EvidenceText.instant(finding.firstSeenAt(), scope.zone()));
                            cells.add(EvidenceText.instant(assessment.assessedAt(), scope.zone()));
                            cells.add(String.valueOf(assessment.id()));
                            cells.add(String.valueOf(snapshot.id()));
                            cells.add(snapshot.digest());
                            cells.add(assessment.catalogDigest());
                            csv.row(cells);
                            rows[0]++;
                        }
                        if (++done[0] % progressEvery == 0) {
                            progress.report(
                                    "Findings of " + cluster.name(), share(index, done[0], total, clusters.size()));
                        }
                    });
                    progress.report("Findings of " + cluster.name(), share(index, done[0], total, clusters.size()));
                }
            }
        }
        return rows[0];
    }

    /** How far the export is: clusters done, and this cluster's findings done. */
    private static double share(int cluster, long done, long total, int clusters) {
        return (cluster + (double) done / Math.max(1, total)) / clusters;
    }
}
