package io.clusterproof.evidence;

import com.lowagie.text.Document;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.catalog.CheckMapping;
import io.clusterproof.catalog.ControlDefinition;
import java.util.stream.Collectors;

/** Section 3, the controls: every control of the framework with its status and finding counts, per cluster. */
final class PdfControls extends PdfSection {

    PdfControls(AssessmentQueries assessments, PdfCells cells, ReportScope scope, ReportExtras extras) {
        super(assessments, cells, scope, extras);
    }

    /** How control statuses are decided, in the controls section and the methodology. */
    static final String CONTROL_STATUSES =
            "Control types: automated (checks prove it completely), hybrid (checks prove "
                    + "a part; a current attestation must cover the rest), attestation (no API object can prove it). A control "
                    + "FAILs if any in-scope finding of its checks fails, whatever was attested; it is UNKNOWN or ERROR if a "
                    + "finding could not be evaluated and none fails; it PASSes when every finding passes (and, for a hybrid "
                    + "control, a valid attestation exists); PASS_WAIVED (Pass (waived)) when it passes only because waivers "
                    + "cover failing findings; NEEDS_ATTESTATION when a person must attest it (or the part of a hybrid "
                    + "control the checks cannot see) and no valid attestation exists; ATTESTED while one is valid; "
                    + "NOT_APPLICABLE, with its reason, when no in-scope object matched its checks.";

    void add(Document document) {
        var framework = scope.framework();
        document.newPage();
        document.add(cells.heading("3 Controls"));
        document.add(cells.text(CONTROL_STATUSES));
        for (var cluster : scope.assessed()) {
            document.add(cells.subheading(cluster.name()));
            var results = results(cluster);
            var waivers = assessments.waiversByCheck(cluster.requireAssessment().id(), framework.id());
            var table = cells.table(9, 26, 19, 6, 6, 7, 8, 19);
            cells.header(table, "Control", "Title", "Status", "Pass", "Fail", "Waived", "Unk. / err.", "Checks");
            for (var section : framework.sections()) {
                var controls = framework.controls().stream()
                        .filter(c -> c.section().equals(section.id()))
                        .toList();
                if (controls.isEmpty()) {
                    continue;
                }
                table.addCell(cells.span(section.id() + " " + section.title(), 8));
                for (var control : controls) {
                    var result = results.get(control.ref());
                    table.addCell(cells.cell(control.ref(), cells.fonts().smallBold));
                    table.addCell(cells.cell(control.title()
                            + (control.implementation() == null
                                    ? ""
                                    : " (" + control.implementation().id() + ")")
                            + (result == null || result.note() == null ? "" : "\n" + result.note())
                            + (result == null || result.status() != ControlStatus.PASS_WAIVED
                                    ? ""
                                    : "\nPasses only thanks to waivers "
                                            + AssessmentQueries.waiversOf(control, waivers).stream()
                                                    .map(id -> "#" + id)
                                                    .collect(Collectors.joining(", "))
                                            + " (listed in section 5).")));
                    table.addCell(cells.status(
                            result == null ? "NOT_ASSESSED" : result.status().name()));
                    table.addCell(cells.right(result == null ? "" : str(result.pass())));
                    table.addCell(cells.right(result == null ? "" : str(result.fail())));
                    table.addCell(cells.right(result == null ? "" : str(result.waived())));
                    table.addCell(cells.right(result == null ? "" : str(result.unknown() + result.error())));
                    table.addCell(cells.cell(checksCell(control)));
                }
            }
            document.add(table);
        }
    }

    /** The control's checks, and whether an attestation is part of its evidence. */
    private static String checksCell(ControlDefinition control) {
        var checks = control.mappedChecks().stream().map(CheckMapping::id).collect(Collectors.joining(", "));
        return switch (control.type()) {
            case AUTOMATED -> checks;
            case HYBRID -> checks + " + attestation (hybrid)";
            case ATTESTATION -> "attestation";
        };
    }
}
