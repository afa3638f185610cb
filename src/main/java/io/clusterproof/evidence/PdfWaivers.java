package io.clusterproof.evidence;

import com.lowagie.text.Document;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.catalog.ControlDefinition;
import java.util.List;

/** Section 5, the waivers and attestations in force during the period, with the findings they cover. */
final class PdfWaivers extends PdfSection {

    PdfWaivers(AssessmentQueries assessments, PdfCells cells, ReportScope scope, ReportExtras extras) {
        super(assessments, cells, scope, extras);
    }

    void add(Document document, PdfFindings findings, int inlineFindings, List<ClusterEvidence> toAppendix) {
        document.newPage();
        document.add(cells.heading("5 Waivers and attestations"));
        document.add(cells.subheading("Waivers in force during the period"));
        for (var cluster : scope.assessed()) {
            var waivers = extras.waivers() == null
                    ? null
                    : extras.waivers().get(cluster.cluster().id());
            if (waivers == null) {
                document.add(cells.text(cluster.name() + ": none recorded (no waiver register supplies this report)."));
            } else if (waivers.isEmpty()) {
                document.add(cells.text(cluster.name() + ": no waiver was in force during the period."));
            } else {
                document.add(cells.text(cluster.name() + ": " + waivers.size() + " waivers in force."));
                var table = cells.table(6, 16, 18, 24, 12, 12, 12);
                cells.header(table, "Id", "Check", "Covers", "Reason", "Ticket", "Approved", "Expires");
                for (var waiver : waivers) {
                    cells.cells(
                            table,
                            str(waiver.id()),
                            waiver.checkId(),
                            waiver.covers(),
                            waiver.reason(),
                            waiver.ticket() == null ? "" : waiver.ticket(),
                            waiver.approvedBy() + ", " + time(waiver.approvedAt()),
                            time(waiver.expiresAt()));
                }
                document.add(table);
            }
            var waived = findings.count(cluster, scope, FindingStatus.WAIVED);
            if (waived > 0) {
                document.add(
                        cells.text(
                                cluster.name() + ": " + waived
                                        + " waived findings. They count as passing in the resource score and are listed here, never hidden."));
                findings.byCheck(document, scope, cluster, FindingStatus.WAIVED);
                if (waived > inlineFindings) {
                    toAppendix.add(cluster);
                    document.add(cells.text("All " + waived + " waived findings of " + cluster.name()
                            + " are listed with their evidence in Appendix B."));
                } else {
                    findings.list(
                            document,
                            cluster,
                            scope,
                            FindingStatus.WAIVED,
                            extras.waiversById(cluster.cluster().id()),
                            Progress.NONE);
                }
            }
        }
        attestations(document);
    }

    private void attestations(Document document) {
        document.add(cells.subheading("Attestations in force during the period"));
        var attestations = extras.attestations();
        if (attestations == null) {
            document.add(cells.text("None recorded (no attestation register supplies this report)."));
        } else if (attestations.isEmpty()) {
            document.add(cells.text("No attestation of this framework's controls was valid during the period."));
        } else {
            var table = cells.table(10, 14, 28, 12, 12, 12, 12);
            cells.header(table, "Control", "Covers", "Statement", "Attested by", "On", "Valid until", "Evidence");
            for (var attestation : attestations) {
                cells.cells(
                        table,
                        attestation.controlRef(),
                        attestation.covers(),
                        attestation.statement(),
                        attestation.attestedBy(),
                        time(attestation.attestedAt()),
                        time(attestation.expiresAt()),
                        attestation.evidence() == null ? "" : attestation.evidence());
            }
            document.add(table);
        }
        var attestationControls = scope.framework().controls().stream()
                .filter(ControlDefinition::attested)
                .toList();
        if (attestationControls.isEmpty()) {
            return;
        }
        var byId = ControlMatrixCsv.attestationsByRef(extras);
        for (var cluster : scope.assessed()) {
            document.add(cells.text(cluster.name() + ": controls that need a person's attestation"));
            var results = results(cluster);
            var table = cells.table(10, 34, 16, 40);
            cells.header(table, "Control", "Title", "Status", "Attestation");
            for (ControlDefinition control : attestationControls) {
                var result = results.get(control.ref());
                table.addCell(cells.cell(control.ref(), cells.fonts().smallBold));
                table.addCell(cells.cell(control.title()));
                table.addCell(cells.status(
                        result == null ? "NOT_ASSESSED" : result.status().name()));
                table.addCell(cells.cell(ControlMatrixCsv.attestation(
                        control, result, byId, extras.attestations() != null, scope.zone())));
            }
            document.add(table);
        }
    }
}
