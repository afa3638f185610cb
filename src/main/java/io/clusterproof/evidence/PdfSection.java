package io.clusterproof.evidence;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.ControlResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
        var unscored = trend.stream().filter(p -> !p.scored()).count();
        var gaps = unscored == 0
                ? ""
                : " " + unscored + " of them had nothing in the framework's scope and no score (gaps in the chart).";
        return trend.size() + " assessments in the period. Control score " + figure(first.plottedControlScore())
                + " → " + figure(last.plottedControlScore()) + ", verified share "
                + figure(first.plottedVerifiedShare()) + " → " + figure(last.plottedVerifiedShare())
                + ", resource score " + figure(first.plottedResourceScore()) + " → "
                + figure(last.plottedResourceScore()) + " (" + time(first.takenAt()) + " to " + time(last.takenAt())
                + ")." + gaps;
    }

    private static String figure(@Nullable Double percent) {
        return percent == null ? "no score (scope empty)" : percent + " %";
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
