package io.clusterproof.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clusterproof.evidence.RemediationRecords.Waiver;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The waivers an assessment applied, as OSCAL risks: a risk whose deviation was approved (by whom
 * and when, in the risk log), with the waiver's expiry as its deadline.
 */
final class OscalRisks {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String key;
    private final List<Waiver> waivers;
    private final OscalParties parties;

    OscalRisks(String key, OscalAssessment assessment, OscalParties parties) {
        this.key = key;
        this.waivers = assessment.waivers().stream()
                .sorted(Comparator.comparing(Waiver::id))
                .toList();
        this.parties = parties;
    }

    /** The risks of the waivers of these checks. */
    List<String> forChecks(Collection<String> checkIds) {
        return waivers.stream()
                .filter(w -> checkIds.contains(w.checkId()))
                .map(this::uuid)
                .toList();
    }

    ArrayNode toJson() {
        var risks = JSON.arrayNode();
        for (var waiver : waivers) {
            var risk = JSON.objectNode()
                    .put("uuid", uuid(waiver))
                    .put("title", "Waiver " + waiver.id() + ": " + waiver.checkId() + " on " + waiver.covers())
                    .put("description", waiver.reason())
                    .put(
                            "statement",
                            "Failing results of check " + waiver.checkId() + " on " + waiver.covers()
                                    + " are accepted as a risk until " + waiver.expiresAt() + ".");
            risk.set(
                    "props",
                    OscalDocument.props(
                            "waiver-id", String.valueOf(waiver.id()),
                            "check-id", waiver.checkId(),
                            "requested-by", waiver.requestedBy(),
                            "approved-by", waiver.approvedBy(),
                            "ticket", waiver.ticket() == null ? "" : waiver.ticket()));
            risk.put("status", "deviation-approved");
            risk.put("deadline", waiver.expiresAt().toString());
            var entry = JSON.objectNode()
                    .put(
                            "uuid",
                            StableUuid.of(key + "/waiver/" + waiver.id() + "/approval")
                                    .toString())
                    .put("title", "Waiver approved")
                    .put(
                            "description",
                            "Requested by " + waiver.requestedBy() + ", approved by " + waiver.approvedBy()
                                    + (waiver.ticket() == null ? "" : ", ticket " + waiver.ticket()) + ".")
                    .put("start", waiver.approvedAt().toString())
                    .put("end", waiver.expiresAt().toString());
            if (!waiver.approvedBy().isBlank()) {
                entry.set(
                        "logged-by",
                        JSON.arrayNode().add(JSON.objectNode().put("party-uuid", parties.uuidOf(waiver.approvedBy()))));
            }
            entry.put("status-change", "deviation-approved");
            var log = JSON.objectNode();
            log.set("entries", JSON.arrayNode().add(entry));
            risk.set("risk-log", log);
            risks.add(risk);
        }
        return risks;
    }

    private String uuid(Waiver waiver) {
        return StableUuid.of(key + "/waiver/" + waiver.id()).toString();
    }
}
