package io.clusterproof.evidence;

import com.lowagie.text.Document;
import io.clusterproof.assessment.AssessmentQueries;

/** Section 6, the drift in the period: counts between assessments and the notable changes. */
final class PdfDrift extends PdfSection {

    PdfDrift(AssessmentQueries assessments, PdfCells cells, ReportScope scope, ReportExtras extras) {
        super(assessments, cells, scope, extras);
    }

    void add(Document document) {
        document.add(cells.heading("6 Drift in the period"));
        for (var cluster : scope.assessed()) {
            document.add(cells.subheading(cluster.name()));
            document.add(cells.text(trendLine(cluster)));
            var drift = extras.drift() == null
                    ? null
                    : extras.drift().get(cluster.cluster().id());
            if (drift == null) {
                document.add(cells.text("Drift summary: none recorded (no drift analysis supplies this report)."));
                continue;
            }
            var table = cells.table(20, 16, 16, 16, 16, 16);
            cells.header(
                    table, "Between assessments", "Resources added", "changed", "removed", "Newly failing", "Fixed");
            cells.cells(
                    table,
                    (drift.fromAssessmentId() == null ? "—" : str(drift.fromAssessmentId())) + " → "
                            + (drift.toAssessmentId() == null ? "—" : str(drift.toAssessmentId())),
                    str(drift.resourcesAdded()),
                    str(drift.resourcesChanged()),
                    str(drift.resourcesRemoved()),
                    str(drift.findingsNewlyFailing()),
                    str(drift.findingsFixed()));
            document.add(table);
            if (!drift.changes().isEmpty()) {
                var changes = cells.table(18, 32, 20, 15, 15);
                cells.header(changes, "When", "Resource", "Check", "Before", "After");
                changes.setComplete(false);
                int n = 0;
                for (var change : drift.changes()) {
                    cells.cells(
                            changes,
                            time(change.at()),
                            change.resource(),
                            change.checkId() == null ? "" : change.checkId(),
                            change.before(),
                            change.after());
                    if (++n % 50 == 0) {
                        document.add(changes);
                    }
                }
                changes.setComplete(true);
                document.add(changes);
            }
        }
    }
}
