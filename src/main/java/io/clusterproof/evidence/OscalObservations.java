package io.clusterproof.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterproof.assessment.StatusCounts;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.evidence.RemediationRecords.Attestation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The observations of one result: what each check found in scope (method {@code TEST}, collected
 * at the snapshot, expiring when its data goes stale, with the snapshot and catalog digests as
 * evidence), and each attestation (a person's statement: {@code INTERVIEW}, plus {@code EXAMINE}
 * when a document backs it).
 */
final class OscalObservations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String key;
    private final OscalAssessment assessment;
    private final Catalog catalog;
    private final OscalParties parties;
    private final ArrayNode observations = JSON.arrayNode();
    private final Map<Long, String> attestations = new HashMap<>();

    OscalObservations(String key, OscalAssessment assessment, Catalog catalog, OscalParties parties) {
        this.key = key;
        this.assessment = assessment;
        this.catalog = catalog;
        this.parties = parties;
    }

    String ofCheck(String checkId) {
        return StableUuid.of(key + "/check/" + checkId).toString();
    }

    @Nullable
    String ofAttestation(long attestationId) {
        return attestations.get(attestationId);
    }

    void check(String checkId, StatusCounts counts) {
        var definition = catalog.check(checkId).map(c -> c.definition());
        var title = definition.map(d -> d.title()).orElse(checkId);
        var observation = JSON.objectNode()
                .put("uuid", ofCheck(checkId))
                .put("title", "Check " + checkId + ": " + title)
                .put("description", describe(counts));
        observation.set(
                "props",
                OscalDocument.props(
                        "check-id",
                        checkId,
                        "severity",
                        definition.map(d -> d.severity().label()).orElse("")));
        observation.set("methods", JSON.arrayNode().add("TEST"));
        observation.set("types", JSON.arrayNode().add("control-objective"));
        var evidence = JSON.arrayNode();
        evidence.add(evidence(
                "The objects assessed: " + assessment.target() + ", collected at " + assessment.collected()
                        + (assessment.partial() ? " (partial: some kinds could not be collected)" : "") + ".",
                "snapshot-digest",
                assessment.snapshotDigest()));
        evidence.add(
                evidence("The control catalog the rules came from.", "catalog-digest", assessment.catalogDigest()));
        observation.set("relevant-evidence", evidence);
        observation.put("collected", assessment.collected().toString());
        observation.put("expires", assessment.staleAt().toString());
        observations.add(observation);
    }

    void attestation(Attestation attestation) {
        var uuid = StableUuid.of(key + "/attestation/" + attestation.id()).toString();
        attestations.put(attestation.id(), uuid);
        var observation = JSON.objectNode()
                .put("uuid", uuid)
                .put("title", "Attestation of " + attestation.controlRef() + " by " + attestation.attestedBy())
                .put("description", attestation.statement());
        observation.set(
                "props",
                OscalDocument.props(
                        "attestation-id", String.valueOf(attestation.id()),
                        "control-ref", attestation.controlRef(),
                        "attested-by", attestation.attestedBy()));
        var methods = JSON.arrayNode().add("INTERVIEW");
        if (attestation.evidence() != null && !attestation.evidence().isBlank()) {
            methods.add("EXAMINE");
        }
        observation.set("methods", methods);
        var actor = JSON.objectNode().put("type", "party").put("actor-uuid", parties.uuidOf(attestation.attestedBy()));
        var origin = JSON.objectNode();
        origin.set("actors", JSON.arrayNode().add(actor));
        observation.set("origins", JSON.arrayNode().add(origin));
        if (attestation.evidence() != null && !attestation.evidence().isBlank()) {
            observation.set("relevant-evidence", JSON.arrayNode().add(document(attestation.evidence())));
        }
        observation.put("collected", attestation.attestedAt().toString());
        observation.put("expires", attestation.expiresAt().toString());
        observations.add(observation);
    }

    ArrayNode toJson() {
        return observations;
    }

    private static ObjectNode evidence(String description, String name, String digest) {
        var evidence = JSON.objectNode().put("description", description);
        evidence.set("props", OscalDocument.props(name, digest));
        return evidence;
    }

    /** A link when the evidence is one; a document number or a note is described instead. */
    private static ObjectNode document(String evidence) {
        var node = JSON.objectNode();
        if (isLink(evidence.trim())) {
            node.put("href", evidence.trim());
        }
        node.put("description", "Supporting document: " + evidence.trim());
        return node;
    }

    private static boolean isLink(String text) {
        try {
            var uri = new URI(text);
            return uri.getScheme() != null && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String describe(StatusCounts counts) {
        List<String> parts = new ArrayList<>();
        add(parts, counts.pass(), "PASS");
        add(parts, counts.fail(), "FAIL");
        add(parts, counts.waived(), "WAIVED");
        add(parts, counts.unknown(), "UNKNOWN");
        add(parts, counts.error(), "ERROR");
        add(parts, counts.notApplicable(), "NOT_APPLICABLE");
        return parts.isEmpty()
                ? "No resource in scope matched the check."
                : "Results on the resources in scope: " + String.join(", ", parts) + ".";
    }

    private static void add(List<String> parts, int count, String status) {
        if (count > 0) {
            parts.add(count + " " + status);
        }
    }
}
