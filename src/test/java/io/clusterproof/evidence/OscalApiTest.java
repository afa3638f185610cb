package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.access.ApiTokenService;
import io.clusterproof.access.Role;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.remediation.WaiverRequest;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.WebIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/v1/assessments/{id}/oscal}: a stored assessment as OSCAL assessment results. */
@WebIntegrationTest
class OscalApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    DemoEvidence demo;

    @Autowired
    TestClusters clusters;

    @Autowired
    WaiverService waivers;

    @Autowired
    Catalog catalog;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void issueOneTokenPerRole() {
        if (TOKENS.isEmpty()) {
            for (var role : Role.values()) {
                var name = "oscal-" + role.name().toLowerCase() + "-"
                        + UUID.randomUUID().toString().substring(0, 6);
                TOKENS.put(
                        role,
                        AsAdmin.admin(() -> tokens.create(name, role, Duration.ofDays(1)))
                                .token());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void every_role_that_reads_assessments_reads_their_oscal_form(Role role) throws Exception {
        var response = get("/api/v1/assessments/" + demo.assessmentId() + "/oscal", TOKENS.get(role));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void without_a_token_it_is_refused_and_an_unknown_assessment_is_not_found() throws Exception {
        assertThat(get("/api/v1/assessments/" + demo.assessmentId() + "/oscal", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(get("/api/v1/assessments/987654321/oscal", TOKENS.get(Role.AUDITOR))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_stored_assessment_is_valid_oscal_with_every_control_of_every_framework_and_exports_equal_twice()
            throws Exception {
        var path = "/api/v1/assessments/" + demo.assessmentId() + "/oscal";
        var first = get(path, TOKENS.get(Role.AUDITOR));
        var second = get(path, TOKENS.get(Role.ENGINEER));

        assertThat(second.body()).isEqualTo(first.body());
        var document = JSON.readTree(first.body());
        assertThat(OscalSchema.violations(document)).isEmpty();
        assertThat(OscalSchema.emptyArrays(document)).isEmpty();
        var results = document.at("/assessment-results/results");
        assertThat(results).hasSize(catalog.frameworks().size());
        for (var framework : catalog.frameworks()) {
            var result = StreamSupport.stream(results.spliterator(), false)
                    .filter(r -> r.get("props").toString().contains("\"" + framework.id() + "\""))
                    .findFirst()
                    .orElseThrow();
            var expected = framework.controls().stream()
                    .map(c -> OscalDocument.controlId(framework.id(), c.ref()))
                    .toList();
            assertThat(result.at("/reviewed-controls/control-selections/0/include-controls")
                            .findValuesAsText("control-id"))
                    .as(framework.id())
                    .containsExactlyElementsOf(expected);
            assertThat(result.get("findings").findValuesAsText("target-id")).containsExactlyElementsOf(expected);
            assertThat(result.at("/observations/0/methods/0").asText()).isEqualTo("TEST");
            assertThat(result.at("/observations/0/relevant-evidence").findValuesAsText("value"))
                    .hasSize(2)
                    .contains(result.get("props").findValuesAsText("value").get(3));
        }
    }

    @Test
    void a_waiver_the_assessment_applied_is_an_approved_risk_linked_from_its_controls() throws Exception {
        var cluster = clusters.manifests("oscal-waived", Path.of("src/test/resources/cli/clean"));
        var waiver = AsAdmin.as(
                "oscal-engineer",
                "ENGINEER",
                () -> waivers.request(new WaiverRequest(
                        "privileged-container",
                        cluster.id(),
                        "shop",
                        "Deployment",
                        "web",
                        "The debug sidecar is removed in the next release.",
                        "https://tickets.example/SEC-7",
                        Clock.systemUTC().instant().plus(Duration.ofDays(30)))));
        AsAdmin.as("oscal-officer", "OFFICER", () -> waivers.approve(waiver.id(), "accepted until the release"));
        var run = clusters.collectAndAssess(cluster);
        var assessmentId = clusters.latestAssessment(run.snapshotId());

        var document = JSON.readTree(get("/api/v1/assessments/" + assessmentId + "/oscal", TOKENS.get(Role.AUDITOR))
                .body());

        assertThat(OscalSchema.violations(document)).isEmpty();
        var risks = document.findValues("risks");
        assertThat(risks).isNotEmpty();
        var risk = risks.get(0).get(0);
        assertThat(risk.get("status").asText()).isEqualTo("deviation-approved");
        assertThat(risk.get("props").findValuesAsText("value")).contains("oscal-officer", "oscal-engineer");
        assertThat(risk.get("deadline").asText())
                .isEqualTo(waivers.get(waiver.id()).orElseThrow().expiresAt().toString());
        assertThat(document.findValuesAsText("risk-uuid"))
                .contains(risk.get("uuid").asText());
        assertThat(document.at("/assessment-results/metadata/parties").findValuesAsText("name"))
                .contains("oscal-officer");
    }

    private HttpResponse<byte[]> get(String path, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
