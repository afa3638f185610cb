package io.clusterproof.evidence;

import com.lowagie.text.Document;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FrameworkScore;
import java.util.stream.Collectors;

/** Section 7, the methodology: statuses, scores, what was assessed and how to verify the pack. */
final class PdfMethodology extends PdfSection {

    PdfMethodology(AssessmentQueries assessments, PdfCells cells, ReportScope scope, ReportExtras extras) {
        super(assessments, cells, scope, extras);
    }

    void add(Document document) {
        document.newPage();
        document.add(cells.heading("7 Methodology"));
        document.add(cells.subheading("Statuses"));
        document.add(cells.text("Finding (one check on one resource): PASS; FAIL; WAIVED (it fails and an approved, "
                + "unexpired waiver covers it); UNKNOWN (the data the check needs was not collected, never counted as "
                + "a pass); ERROR (the rule could not be evaluated); NOT_APPLICABLE (the check does not apply)."));
        document.add(cells.text(PdfControls.CONTROL_STATUSES));
        document.add(cells.subheading("Scores"));
        document.add(cells.text(FrameworkScore.CONTROL_SCORE_FORMULA));
        document.add(cells.text(FrameworkScore.VERIFIED_SHARE_FORMULA));
        document.add(cells.text(FrameworkScore.RESOURCE_SCORE_FORMULA
                + " It is also given per check severity. Automated coverage = controls that checks prove completely "
                + "÷ the requirements in this catalog. Percentages are rounded to one decimal. A framework that "
                + "nothing in the cluster is in scope of is not scored; the report says so in red."));
        document.add(cells.subheading("What was assessed"));
        document.add(cells.text("Catalog digest at generation: " + scope.catalogDigest()
                + ". Control titles and remediation come from this catalog; statuses come from the stored assessments, "
                + "each made with the catalog whose digest it records."));
        var table = cells.table(14, 10, 12, 34, 30);
        cells.header(table, "Cluster", "Assessment", "Snapshot", "Snapshot digest (SHA-256)", "Details");
        for (var cluster : scope.assessed()) {
            var assessment = cluster.requireAssessment();
            var snapshot = cluster.requireSnapshot();
            cells.cells(
                    table,
                    cluster.name(),
                    str(assessment.id()),
                    str(snapshot.id()),
                    snapshot.digest(),
                    "evidence source: " + snapshot.provenance().describe() + "; taken " + time(snapshot.takenAt())
                            + ", "
                            + snapshot.status() + ", " + snapshot.objects()
                            + " objects, Kubernetes "
                            + (snapshot.kubernetesVersion() == null ? "unknown" : snapshot.kubernetesVersion())
                            + "; assessed " + time(assessment.assessedAt()) + " with catalog "
                            + assessment.catalogDigest());
        }
        document.add(table);
        for (var cluster : scope.assessed()) {
            if (!cluster.missingKinds().isEmpty()) {
                document.add(cells.text(cluster.name() + ": the snapshot is partial. Kinds that could not be read, so "
                        + "every check needing them is UNKNOWN: "
                        + cluster.missingKinds().stream()
                                .map(m -> m.kind() + " (" + m.reason() + ")")
                                .collect(Collectors.joining(", "))));
            }
        }
        document.add(cells.subheading("Verifying this evidence"));
        document.add(cells.text("In an evidence pack this report travels with findings.csv, control-matrix.csv, "
                + "manifest.json (each file's SHA-256 and size, the clusters, assessments, snapshot ids and digests, and "
                + "the catalog digest) and SHA256SUMS. `sha256sum -c SHA256SUMS` in the unpacked folder verifies every "
                + "file; the pack's own SHA-256 is kept in the evidence locker."));
    }
}
