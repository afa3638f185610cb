package io.clusterproof.evidence;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.ControlResult;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.base.CsvRows;
import io.clusterproof.catalog.CheckMapping;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.evidence.RemediationRecords.Attestation;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The control matrix CSV: one row per cluster × control of the framework, in the framework's order. */
final class ControlMatrixCsv {

    static final List<String> HEADER = List.of(
            "Framework",
            "Cluster",
            "Control",
            "Title",
            "Section",
            "Type",
            "Status",
            "Pass",
            "Fail",
            "Waived",
            "Unknown",
            "Error",
            "Checks",
            "Attestation",
            "Assessed At",
            "Assessment",
            "Snapshot",
            "Snapshot Digest",
            "Catalog Digest",
            "Implementation",
            "Note",
            "Waivers");

    private final AssessmentQueries assessments;

    ControlMatrixCsv(AssessmentQueries assessments) {
        this.assessments = assessments;
    }

    long write(ReportScope scope, ReportExtras extras, OutputStream out) {
        var framework = scope.framework();
        var attestations = attestationsByRef(extras);
        long rows = 0;
        try (var csv = CsvRows.to(out, HEADER)) {
            for (var cluster : scope.assessed()) {
                var assessment = cluster.requireAssessment();
                var snapshot = cluster.requireSnapshot();
                var results = results(assessment.id(), framework.id());
                var waivers = assessments.waiversByCheck(assessment.id(), framework.id());
                for (var control : framework.controls()) {
                    var result = results.get(control.ref());
                    csv.row(List.of(
                            framework.id(),
                            cluster.name(),
                            control.ref(),
                            control.title(),
                            EvidenceText.section(framework, control),
                            control.type().id(),
                            result == null ? "NOT_ASSESSED" : result.status().name(),
                            count(result == null ? 0 : result.pass()),
                            count(result == null ? 0 : result.fail()),
                            count(result == null ? 0 : result.waived()),
                            count(result == null ? 0 : result.unknown()),
                            count(result == null ? 0 : result.error()),
                            control.mappedChecks().stream()
                                    .map(CheckMapping::id)
                                    .collect(Collectors.joining(" ")),
                            attestation(control, result, attestations, extras.attestations() != null, scope.zone()),
                            EvidenceText.instant(assessment.assessedAt(), scope.zone()),
                            String.valueOf(assessment.id()),
                            String.valueOf(snapshot.id()),
                            snapshot.digest(),
                            assessment.catalogDigest(),
                            control.implementation() == null
                                    ? ""
                                    : control.implementation().id(),
                            result == null || result.note() == null ? "" : result.note(),
                            result == null || result.status() != ControlStatus.PASS_WAIVED
                                    ? ""
                                    : AssessmentQueries.waiversOf(control, waivers).stream()
                                            .map(String::valueOf)
                                            .collect(Collectors.joining(" "))));
                    rows++;
                }
            }
        }
        return rows;
    }

    private Map<String, ControlResult> results(long assessmentId, String frameworkId) {
        var byRef = new HashMap<String, ControlResult>();
        assessments.controls(assessmentId, frameworkId).forEach(r -> byRef.put(r.ref(), r));
        return byRef;
    }

    static Map<Long, Attestation> attestationsByRef(ReportExtras extras) {
        var byId = new HashMap<Long, Attestation>();
        if (extras.attestations() != null) {
            extras.attestations().forEach(a -> byId.put(a.id(), a));
        }
        return byId;
    }

    /** For attestation controls: attested (by whom, until when) or what is still needed; empty otherwise. */
    static String attestation(
            ControlDefinition control,
            @Nullable ControlResult result,
            Map<Long, Attestation> attestations,
            boolean known,
            ZoneId zone) {
        if (control.automated()) {
            return "";
        }
        if (result != null && result.attestationId() != null) {
            var attestation = attestations.get(result.attestationId());
            return attestation == null
                    ? "attested (attestation " + result.attestationId() + ")"
                    : "attested (attestation " + attestation.id() + " by " + attestation.attestedBy() + " on "
                            + EvidenceText.instant(attestation.attestedAt(), zone) + ", valid until "
                            + EvidenceText.instant(attestation.expiresAt(), zone) + ")";
        }
        var prompt = control.attestation() == null
                ? ""
                : ": " + control.attestation().prompt();
        return "needs attestation" + prompt + (known ? "" : " (no attestations recorded)");
    }

    private static String count(int value) {
        return String.format(Locale.ROOT, "%d", value);
    }
}
