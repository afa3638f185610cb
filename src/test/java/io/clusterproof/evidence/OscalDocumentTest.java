package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterproof.assessment.ControlResult;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.StatusCounts;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.CatalogFiles;
import io.clusterproof.catalog.CatalogLoader;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.catalog.ControlType;
import io.clusterproof.evidence.RemediationRecords.Attestation;
import io.clusterproof.evidence.RemediationRecords.Waiver;
import io.clusterproof.snapshot.Provenance;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The OSCAL mapping of control statuses, observations, attestations and waivers, on a small catalog. */
class OscalDocumentTest {

    static final Catalog CATALOG =
            CatalogLoader.load(List.of(CatalogFiles.folder(Path.of("src/test/resources/scoring-catalog"))), 2_000);
    static final Instant TAKEN = Instant.parse("2026-11-25T02:00:00Z");
    static final Instant ASSESSED = Instant.parse("2026-11-25T02:00:03.250Z");

    private final Attestation training = new Attestation(
            7,
            "test-framework",
            "B.1",
            "every cluster (organisation-wide)",
            "Every engineer completed security training in 2026.",
            "olivia",
            Instant.parse("2026-10-01T09:00:00Z"),
            Instant.parse("2027-10-01T09:00:00Z"),
            "https://intranet.example/training-2026.pdf");
    private final Waiver waiver = new Waiver(
            42,
            "replicas",
            "replicas on Deployment shop/api",
            "A single replica until the Q1 migration.",
            "RISK-12",
            "erin",
            "olivia",
            Instant.parse("2026-11-01T10:00:00Z"),
            Instant.parse("2027-01-31T00:00:00Z"));

    @Test
    void the_document_is_valid_against_the_oscal_schema_and_has_no_empty_list() {
        var document = document();

        assertThat(OscalSchema.violations(document)).isEmpty();
        assertThat(OscalSchema.emptyArrays(document)).isEmpty();
        assertThat(document.at("/assessment-results/metadata/oscal-version").asText())
                .isEqualTo("1.1.2");
    }

    @Test
    void a_snapshot_pushed_by_an_agent_carries_its_signature_and_key_fingerprint() {
        var base = assessment("assessment/2", results(ControlStatus.ATTESTED));
        var signed = new OscalAssessment(
                base.key(),
                base.target(),
                base.collected(),
                base.assessedAt(),
                base.staleAt(),
                base.snapshotDigest(),
                base.catalogDigest(),
                base.partial(),
                base.frameworks(),
                base.attestations(),
                base.waivers(),
                Provenance.agent("prod", "c2lnbmF0dXJl", "SHA256:abc123", "0".repeat(64)));
        var document = OscalDocument.of("Signed", "test", List.of(signed), CATALOG);

        assertThat(OscalSchema.violations(document)).isEmpty();
        var props = new java.util.HashMap<String, String>();
        document.at("/assessment-results/results/0/props")
                .forEach(p -> props.put(p.get("name").asText(), p.get("value").asText()));
        assertThat(props)
                .containsEntry("provenance", "agent")
                .containsEntry("agent-key-fingerprint", "SHA256:abc123")
                .containsEntry("agent-signature", "c2lnbmF0dXJl");
        assertThat(props.get("provenance-detail"))
                .startsWith("signed by the agent of cluster prod, key fingerprint SHA256:abc123");
        assertThat(document().at("/assessment-results/results/0/props").findValuesAsText("name"))
                .as("without a stored snapshot nothing is claimed about its origin")
                .doesNotContain("provenance", "agent-signature");
    }

    @Test
    void the_schema_check_rejects_an_empty_list_and_a_version_3_uuid() {
        var document = document();
        var body = (ObjectNode) document.get("assessment-results");
        body.put("uuid", UUID.nameUUIDFromBytes(new byte[] {1}).toString());
        ((ObjectNode) body.at("/results/0")).putArray("risks");

        assertThat(OscalSchema.violations(document)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(OscalSchema.emptyArrays(document)).containsExactly("$.assessment-results.results[0].risks");
    }

    @Test
    void the_same_assessment_gives_an_equal_document_and_another_assessment_other_uuids() {
        assertThat(document()).isEqualTo(document());

        var other = OscalDocument.of(
                "t", "test", List.of(assessment("assessment/2", results(ControlStatus.PASS))), CATALOG);
        assertThat(uuids(other))
                .doesNotContainAnyElementsOf(uuids(document()).stream()
                        .filter(u -> !u.equals(party("olivia")) && !u.equals(party("erin")))
                        .toList());
    }

    @Test
    void every_control_of_the_framework_is_reviewed_and_has_a_finding() {
        var result = document().at("/assessment-results/results/0");
        var refs = CATALOG.framework("test-framework").orElseThrow().controls().stream()
                .map(ControlDefinition::ref)
                .toList();

        assertThat(result.at("/reviewed-controls/control-selections/0/include-controls")
                        .findValuesAsText("control-id"))
                .containsExactlyElementsOf(refs.stream()
                        .map(r -> OscalDocument.controlId("test-framework", r))
                        .toList());
        assertThat(result.get("findings")).hasSize(refs.size());
    }

    @Test
    void checks_that_pass_without_the_attestation_a_control_needs_are_not_satisfied_partially_evidenced() {
        var status = finding(document(), "A.3").at("/target/status");

        assertThat(status.get("state").asText()).isEqualTo("not-satisfied");
        assertThat(status.get("remarks").asText()).isEqualTo("partially evidenced: attestation missing");
    }

    @Test
    void only_passing_and_attested_controls_are_satisfied_and_a_waived_pass_is_not() {
        var document = document();

        assertThat(state(document, "A.1")).isEqualTo("not-satisfied");
        assertThat(finding(document, "A.1").at("/target/status/remarks").asText())
                .contains("waivers accept 1 result");
        assertThat(state(document, "A.2")).isEqualTo("satisfied");
        assertThat(state(document, "A.4")).isEqualTo("not-satisfied");
        assertThat(finding(document, "A.4").at("/target/status/remarks").asText())
                .startsWith("not evidenced: the data");
        assertThat(state(document, "B.1")).isEqualTo("satisfied");
        for (var status : ControlStatus.values()) {
            var state = OscalStatus.of(
                            new ControlResult(
                                    "f",
                                    "r",
                                    status,
                                    1,
                                    0,
                                    status == ControlStatus.PASS_WAIVED ? 1 : 0,
                                    0,
                                    0,
                                    null,
                                    null),
                            ControlType.HYBRID)
                    .state();
            // a pass that rests on waivers counts in the control score but does not satisfy the control in OSCAL
            assertThat(state)
                    .as(status.name())
                    .isEqualTo(
                            status == ControlStatus.PASS || status == ControlStatus.ATTESTED
                                    ? "satisfied"
                                    : "not-satisfied");
        }
    }

    @Test
    void check_observations_are_tests_collected_at_the_snapshot_with_its_digests_as_evidence() {
        var result = document().at("/assessment-results/results/0");
        var observation = observation(result, "Check replicas: ");

        assertThat(observation.get("methods").get(0).asText()).isEqualTo("TEST");
        assertThat(observation.get("collected").asText()).isEqualTo(TAKEN.toString());
        assertThat(observation.get("expires").asText()).isEqualTo("2026-11-27T02:00:00Z");
        assertThat(observation.get("description").asText()).contains("3 PASS", "1 WAIVED");
        assertThat(observation.get("relevant-evidence").findValuesAsText("value"))
                .containsExactly("snap-digest", "cat-digest");
        assertThat(finding(document(), "A.1").get("related-observations").findValuesAsText("observation-uuid"))
                .containsExactly(observation.get("uuid").asText());
    }

    @Test
    void an_attestation_is_an_interview_and_examined_document_by_its_author_until_it_expires() {
        var document = document();
        var observation = observation(document.at("/assessment-results/results/0"), "Attestation of B.1");

        assertThat(observation.get("methods").toString()).isEqualTo("[\"INTERVIEW\",\"EXAMINE\"]");
        assertThat(observation.at("/origins/0/actors/0/actor-uuid").asText()).isEqualTo(party("olivia"));
        assertThat(document.at("/assessment-results/metadata/parties").findValuesAsText("name"))
                .contains("olivia");
        assertThat(observation.at("/relevant-evidence/0/href").asText())
                .isEqualTo("https://intranet.example/training-2026.pdf");
        assertThat(observation.get("expires").asText()).isEqualTo("2027-10-01T09:00:00Z");
        assertThat(finding(document, "B.1").get("related-observations").findValuesAsText("observation-uuid"))
                .containsExactly(observation.get("uuid").asText());
    }

    @Test
    void a_waiver_is_an_approved_deviation_with_its_approver_and_expiry_related_to_its_controls() {
        var document = document();
        var risk = document.at("/assessment-results/results/0/risks/0");

        assertThat(risk.get("status").asText()).isEqualTo("deviation-approved");
        assertThat(risk.get("deadline").asText()).isEqualTo("2027-01-31T00:00:00Z");
        assertThat(risk.at("/risk-log/entries/0/start").asText()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(risk.at("/risk-log/entries/0/logged-by/0/party-uuid").asText())
                .isEqualTo(party("olivia"));
        assertThat(risk.get("props").findValuesAsText("value")).contains("erin", "olivia", "RISK-12");
        assertThat(finding(document, "A.1").at("/related-risks/0/risk-uuid").asText())
                .isEqualTo(risk.get("uuid").asText());
        assertThat(finding(document, "A.2").has("related-risks")).isFalse();
    }

    @Test
    void control_ids_are_oscal_tokens_and_distinct_for_every_control_of_the_built_in_catalog() {
        var catalog = CatalogLoader.load(List.of(CatalogFiles.builtIn()), 200_000);
        var ids = new HashSet<String>();
        for (var framework : catalog.frameworks()) {
            for (var control : framework.controls()) {
                var id = OscalDocument.controlId(framework.id(), control.ref());
                assertThat(id).matches("^(\\p{L}|_)(\\p{L}|\\p{N}|[.\\-_])*$");
                assertThat(ids.add(id)).as(id).isTrue();
            }
        }
    }

    private JsonNode document() {
        return OscalDocument.of(
                "Test assessment",
                "test",
                List.of(assessment("assessment/1", results(ControlStatus.ATTESTED))),
                CATALOG);
    }

    private OscalAssessment assessment(String key, List<ControlResult> results) {
        var framework = new OscalAssessment.Framework(
                CATALOG.framework("test-framework").orElseThrow(),
                results,
                Map.of(
                        "replicas", new StatusCounts(3, 0, 1, 0, 0, 0),
                        "pod-named", new StatusCounts(2, 0, 0, 0, 0, 0),
                        "namespaced-loop", new StatusCounts(0, 0, 0, 2, 0, 0)));
        return new OscalAssessment(
                key,
                "cluster prod",
                TAKEN,
                ASSESSED,
                TAKEN.plus(OscalAssessment.UNSCHEDULED_VALIDITY),
                "snap-digest",
                "cat-digest",
                false,
                List.of(framework),
                List.of(training),
                List.of(waiver),
                null);
    }

    /** A.1 passes thanks to a waiver, A.2 passes, A.3 has passing checks but needs an attestation, A.4 lacks data. */
    private static List<ControlResult> results(ControlStatus training) {
        return List.of(
                new ControlResult("test-framework", "A.1", ControlStatus.PASS_WAIVED, 3, 0, 1, 0, 0, null, null),
                new ControlResult("test-framework", "A.2", ControlStatus.PASS, 2, 0, 0, 0, 0, null, null),
                new ControlResult("test-framework", "A.3", ControlStatus.NEEDS_ATTESTATION, 5, 0, 0, 0, 0, null, null),
                new ControlResult("test-framework", "A.4", ControlStatus.UNKNOWN, 0, 0, 0, 2, 0, null, null),
                new ControlResult(
                        "test-framework",
                        "B.1",
                        training,
                        0,
                        0,
                        0,
                        0,
                        0,
                        training == ControlStatus.ATTESTED ? 7L : null,
                        null));
    }

    private static JsonNode finding(JsonNode document, String ref) {
        return StreamSupport.stream(
                        document.at("/assessment-results/results/0/findings").spliterator(), false)
                .filter(f -> f.at("/target/target-id").asText().equals(OscalDocument.controlId("test-framework", ref)))
                .findFirst()
                .orElseThrow();
    }

    private static String state(JsonNode document, String ref) {
        return finding(document, ref).at("/target/status/state").asText();
    }

    private static JsonNode observation(JsonNode result, String titlePrefix) {
        return StreamSupport.stream(result.get("observations").spliterator(), false)
                .filter(o -> o.get("title").asText().startsWith(titlePrefix))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> uuids(JsonNode document) {
        return document.findValuesAsText("uuid");
    }

    private static String party(String name) {
        return StableUuid.of("party/" + name).toString();
    }
}
