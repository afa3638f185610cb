package io.clusterproof.evidence;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.ControlResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What every section of the PDF report reads from: the stored assessments, the report's scope and
 * the waivers, attestations and drift of that scope, with the formatting they share.
 */
abstract class PdfSection {

    final AssessmentQueries assessments;
    final PdfCells cells;
    final ReportScope scope;
    final ReportExtras extras;

    PdfSection(AssessmentQueries assessments, PdfCells cells, ReportScope scope, ReportExtras extras) {
        this.assessments = assessments;
        this.cells = cells;
        this.scope = scope;
        this.extras = extras;
    }

    String time(Instant instant) {
        return EvidenceText.instant(instant, scope.zone());
    }

    String trendLine(ClusterEvidence cluster) {
        var trend = cluster.trend();
        if (trend.isEmpty()) {
            return "No assessment was taken during the period; the figures above are those of the last assessment "
                    + "before it (" + time(cluster.requireAssessment().snapshotTakenAt()) + ").";
        }
        var first = trend.get(0);
        var last = trend.get(trend.size() - 1);
        return trend.size() + " assessments in the period. Control score " + first.controlScore() + " % → "
                + last.controlScore() + " %, resource score " + first.resourceScore() + " % → "
                + last.resourceScore() + " % (" + time(first.takenAt()) + " to " + time(last.takenAt()) + ").";
    }

    Map<String, ControlResult> results(ClusterEvidence cluster) {
        var byRef = new HashMap<String, ControlResult>();
        assessments
                .controls(cluster.requireAssessment().id(), scope.framework().id())
                .forEach(r -> byRef.put(r.ref(), r));
        return byRef;
    }

    static String str(long value) {
        return String.valueOf(value);
    }
}
