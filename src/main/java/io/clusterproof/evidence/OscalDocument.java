package io.clusterproof.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterproof.assessment.ControlResult;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.StatusCounts;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.evidence.RemediationRecords.Attestation;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * An OSCAL 1.1.2 {@code assessment-results} document: one result per assessment and framework,
 * with every control of the framework in {@code reviewed-controls}, an observation per check
 * ({@code TEST}) and per attestation ({@code INTERVIEW}, and {@code EXAMINE} when a document
 * backs it), a finding per control, and waivers as accepted risks. Every UUID is derived from the
 * assessment's key, and no time is read from a clock, so the same assessment always gives the
 * same document. Empty lists are left out, as the schema requires.
 */
public final class OscalDocument {

    public static final String OSCAL_VERSION = "1.1.2";

    /** The namespace of ClusterProof's own property names. */
    public static final String NS = "https://clusterproof.io/ns/oscal";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Catalog catalog;
    private final OscalParties parties = new OscalParties();

    private OscalDocument(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param title the document's title
     * @param version the document's version (the ClusterProof version that wrote it)
     */
    public static ObjectNode of(String title, String version, List<OscalAssessment> assessments, Catalog catalog) {
        if (assessments.isEmpty()) {
            throw new IllegalArgumentException("an OSCAL assessment-results document needs at least one assessment");
        }
        return new OscalDocument(catalog).document(title, version, assessments);
    }

    /** The OSCAL control id of a control: a token made of the framework id and the control's reference. */
    public static String controlId(String frameworkId, String ref) {
        var token =
                ref.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.\\-]+", "_").replaceAll("^_+|_+$", "");
        return frameworkId + "_" + token;
    }

    private ObjectNode document(String title, String version, List<OscalAssessment> assessments) {
        var results = JSON.arrayNode();
        for (var assessment : assessments) {
            for (var framework : assessment.frameworks()) {
                results.add(result(assessment, framework));
            }
        }
        var keys = assessments.stream().map(OscalAssessment::key).toList();
        var lastModified = assessments.stream()
                .map(OscalAssessment::assessedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        var metadata = JSON.objectNode()
                .put("title", title)
                .put("last-modified", lastModified.toString())
                .put("version", version)
                .put("oscal-version", OSCAL_VERSION);
        addIfAny(metadata, "parties", parties.toJson());
        var digests = new TreeSet<String>();
        assessments.forEach(a -> digests.add(a.catalogDigest()));
        var importAp = JSON.objectNode()
                .put("href", "urn:clusterproof:catalog:sha256:" + digests.first())
                .put(
                        "remarks",
                        "There is no separate assessment plan: the plan is the ClusterProof control catalog with"
                                + " this SHA-256 content digest, which every result names as well.");
        var body = JSON.objectNode();
        body.put(
                "uuid",
                StableUuid.of("assessment-results/" + String.join("+", keys)).toString());
        body.set("metadata", metadata);
        body.set("import-ap", importAp);
        body.set("results", results);
        var root = JSON.objectNode();
        root.set("assessment-results", body);
        return root;
    }

    private ObjectNode result(OscalAssessment assessment, OscalAssessment.Framework framework) {
        var definition = framework.definition();
        var key = assessment.key() + "/" + definition.id();
        var result = JSON.objectNode()
                .put("uuid", StableUuid.of(key).toString())
                .put("title", definition.name() + ": " + assessment.target())
                .put(
                        "description",
                        "ClusterProof assessed " + assessment.target() + " against " + definition.name() + " "
                                + definition.version() + " with the catalog whose SHA-256 is "
                                + assessment.catalogDigest() + ".")
                .put("start", assessment.collected().toString())
                .put("end", assessment.assessedAt().toString());
        result.set(
                "props",
                props(
                        "framework", definition.id(),
                        "target", assessment.target(),
                        "snapshot-digest", assessment.snapshotDigest(),
                        "catalog-digest", assessment.catalogDigest()));
        var provenance = assessment.provenance();
        if (provenance != null) {
            // how the evidence was obtained; an agent's snapshot carries its signature and key as well
            var origin = props(
                    "provenance",
                    provenance.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "provenance-detail",
                    provenance.describe(),
                    "agent-key-fingerprint",
                    provenance.keyFingerprint() == null ? "" : provenance.keyFingerprint(),
                    "agent-signature",
                    provenance.signature() == null ? "" : provenance.signature());
            ((ArrayNode) result.get("props")).addAll(origin);
        }
        result.set("reviewed-controls", reviewedControls(definition.id(), definition.controls()));

        var observations = new OscalObservations(key, assessment, catalog, parties);
        var checks = new TreeSet<String>();
        definition.controls().forEach(c -> c.mappedChecks().forEach(m -> checks.add(m.id())));
        for (var check : checks) {
            observations.check(check, framework.countsByCheck().getOrDefault(check, StatusCounts.NONE));
        }
        var attestations = assessment.attestations().stream()
                .filter(a -> a.frameworkId().equals(definition.id()))
                .sorted(Comparator.comparing(Attestation::id))
                .toList();
        attestations.forEach(observations::attestation);
        var risks = new OscalRisks(key, assessment, parties);
        var findings = JSON.arrayNode();
        for (var control : definition.controls()) {
            var controlResult = framework.controls().stream()
                    .filter(r -> r.ref().equals(control.ref()))
                    .findFirst()
                    .orElse(notAssessed(definition.id(), control));
            findings.add(finding(key, definition.id(), control, controlResult, observations, risks));
        }
        addIfAny(result, "observations", observations.toJson());
        addIfAny(result, "risks", risks.toJson());
        addIfAny(result, "findings", findings);
        if (assessment.partial()) {
            result.put(
                    "remarks",
                    "The snapshot is partial: some kinds could not be collected, and every check that needs"
                            + " them is UNKNOWN, never a pass.");
        }
        return result;
    }

    private static ObjectNode reviewedControls(String frameworkId, List<ControlDefinition> controls) {
        var include = JSON.arrayNode();
        controls.forEach(c -> include.add(JSON.objectNode().put("control-id", controlId(frameworkId, c.ref()))));
        var selection = JSON.objectNode();
        selection.set("include-controls", include);
        var reviewed = JSON.objectNode();
        reviewed.set("control-selections", JSON.arrayNode().add(selection));
        return reviewed;
    }

    private ObjectNode finding(
            String key,
            String frameworkId,
            ControlDefinition control,
            ControlResult result,
            OscalObservations observations,
            OscalRisks risks) {
        var status = OscalStatus.of(result, control.type());
        var finding = JSON.objectNode()
                .put("uuid", StableUuid.of(key + "/control/" + control.ref()).toString())
                .put("title", control.ref() + " " + control.title())
                .put("description", control.ref() + " is " + status.state() + ": " + status.remarks() + ".");
        finding.set(
                "props",
                props(
                        "control-ref", control.ref(),
                        "control-type", control.type().name().toLowerCase(Locale.ROOT),
                        "status", result.status().name()));
        var target =
                JSON.objectNode().put("type", "objective-id").put("target-id", controlId(frameworkId, control.ref()));
        target.set(
                "status",
                JSON.objectNode()
                        .put("state", status.state())
                        .put("reason", status.reason())
                        .put("remarks", status.remarks()));
        finding.set("target", target);
        var related = JSON.arrayNode();
        var checks = control.mappedChecks().stream().map(m -> m.id()).toList();
        checks.forEach(check -> related.add(JSON.objectNode().put("observation-uuid", observations.ofCheck(check))));
        if (result.attestationId() != null) {
            var attestation = observations.ofAttestation(result.attestationId());
            if (attestation != null) {
                related.add(JSON.objectNode().put("observation-uuid", attestation));
            }
        }
        addIfAny(finding, "related-observations", related);
        var relatedRisks = JSON.arrayNode();
        if (result.waived() > 0) {
            risks.forChecks(checks)
                    .forEach(uuid -> relatedRisks.add(JSON.objectNode().put("risk-uuid", uuid)));
        }
        addIfAny(finding, "related-risks", relatedRisks);
        return finding;
    }

    /** A control the stored assessment has no result for (the catalog gained it later). */
    private static ControlResult notAssessed(String frameworkId, ControlDefinition control) {
        return new ControlResult(
                frameworkId,
                control.ref(),
                control.automated() ? ControlStatus.NOT_APPLICABLE : ControlStatus.NEEDS_ATTESTATION,
                0,
                0,
                0,
                0,
                0,
                null,
                "Not assessed: the catalog gained this control after the assessment.");
    }

    /** ClusterProof's own properties, in its namespace; values on one line, as the schema requires. */
    static ArrayNode props(String... namesAndValues) {
        var props = JSON.arrayNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            var value = oneLine(namesAndValues[i + 1]);
            if (!value.isEmpty()) {
                props.add(JSON.objectNode()
                        .put("name", namesAndValues[i])
                        .put("ns", NS)
                        .put("value", value));
            }
        }
        return props;
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    static void addIfAny(ObjectNode parent, String field, ArrayNode items) {
        if (!items.isEmpty()) {
            parent.set(field, items);
        }
    }
}
