package io.clusterproof.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.access.ApiTokenService;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.AuditQuery;
import io.clusterproof.access.Role;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.assessment.FrameworkScore;
import io.clusterproof.remediation.ItemFilter;
import io.clusterproof.remediation.ItemStatus;
import io.clusterproof.remediation.RemediationService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.Http;
import io.clusterproof.support.WebIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/** The REST API over real HTTP with real tokens: per role, per token state, per kind of bad input. */
@WebIntegrationTest
class ApiTest {

    static final Path DEMO = Path.of("src/main/resources/demo/cluster");
    static final ObjectMapper JSON = new ObjectMapper();

    private static ClusterSummary cluster;
    private static long assessment;
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

    @LocalServerPort
    int port;

    @Autowired
    TestClusters clusters;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    RemediationService remediation;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    private Http http;

    @BeforeEach
    void demoClusterAndOneTokenPerRole() {
        http = new Http(port);
        if (cluster == null) {
            cluster = clusters.manifests("api", DEMO);
            assessment = clusters.latestAssessment(clusters.collect(cluster).snapshotId());
            for (var role : Role.values()) {
                TOKENS.put(role, token("api-" + role.name().toLowerCase(), role, "test-admin"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void every_role_reads_clusters_posture_and_findings(Role role) throws Exception {
        var token = TOKENS.get(role);

        var list = json(http.get("/api/v1/clusters", token), 200);
        assertThat(list.findValuesAsText("name")).contains(cluster.name());

        var posture = json(http.get("/api/v1/clusters/" + cluster.id() + "/posture", token), 200);
        assertThat(posture.at("/assessment/id").asLong()).isEqualTo(assessment);
        var pci = framework(posture, "pci-dss-4.0");
        var stored = assessments.scores(assessment).stream()
                .filter(s -> s.frameworkId().equals("pci-dss-4.0"))
                .findFirst()
                .orElseThrow();
        assertThat(pci.get("controlScore").asDouble()).isEqualTo(stored.controlScore());
        assertThat(pci.get("controlScoreFormula").asText()).isEqualTo(FrameworkScore.CONTROL_SCORE_FORMULA);
        assertThat(pci.get("controlScoreParts").asText())
                .isEqualTo(stored.passingControls() + " ÷ " + stored.scoredControls());
        assertThat(pci.get("verifiedShare").asDouble()).isEqualTo(stored.verifiedShare());
        assertThat(pci.get("verifiedShareFormula").asText()).isEqualTo(FrameworkScore.VERIFIED_SHARE_FORMULA);
        assertThat(pci.get("counts").get("PASS_WAIVED").asInt())
                .isEqualTo(stored.controls().passWaived());
        assertThat(pci.get("counts").get("NEEDS_ATTESTATION").asInt())
                .isEqualTo(stored.controls().needsAttestation());

        var failing = json(
                http.get(
                        "/api/v1/assessments/" + assessment
                                + "/findings?framework=pci-dss-4.0&status=FAIL&size=5&page=1",
                        token),
                200);
        var expected = assessments.countFindings(
                assessment, FindingFilter.all().withFramework("pci-dss-4.0").withStatuses(Set.of(FindingStatus.FAIL)));
        assertThat(failing.get("totalItems").asLong()).isEqualTo(expected).isGreaterThan(5);
        assertThat(failing.get("items")).hasSize(5);
        failing.get("items").forEach(f -> assertThat(f.get("status").asText()).isEqualTo("FAIL"));
    }

    @Test
    void a_missing_unknown_expired_or_revoked_token_gets_401_saying_why() throws Exception {
        var expired = token("api-expired-" + suffix(), Role.AUDITOR, "test-admin");
        jdbc.update("update api_token set expires_at = created_at where token_prefix = ?", expired.substring(0, 8));
        var revoked = token("api-revoked-" + suffix(), Role.AUDITOR, "test-admin");
        var revokedName = jdbc.queryForObject(
                "select name from api_token where token_prefix = ?", String.class, revoked.substring(0, 8));
        AsAdmin.admin(() -> tokens.revoke(revokedName));

        assertThat(problem(http.get("/api/v1/clusters"), 401).get("detail").asText())
                .contains("Authorization: Bearer");
        assertThat(problem(http.get("/api/v1/clusters", "cp_" + "x".repeat(43)), 401)
                        .get("detail")
                        .asText())
                .contains("not known");
        assertThat(problem(http.get("/api/v1/clusters", expired), 401)
                        .get("detail")
                        .asText())
                .contains("has expired");
        assertThat(problem(http.get("/api/v1/clusters", revoked), 401)
                        .get("detail")
                        .asText())
                .contains("was revoked");
        assertThat(http.get("/api/v1/clusters", TOKENS.get(Role.AUDITOR)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_role_that_may_not_change_something_gets_403_and_changes_nothing() throws Exception {
        var path = "/api/v1/clusters/" + cluster.id() + "/collections";
        var runsBefore = runs();
        for (var role : EnumSet.of(Role.AUDITOR, Role.ENGINEER, Role.OFFICER)) {
            assertThat(problem(http.call("POST", path, TOKENS.get(role), null), 403)
                            .get("title")
                            .asText())
                    .as(role.name())
                    .isEqualTo("Forbidden");
        }
        assertThat(runs()).isEqualTo(runsBefore);

        var run = json(http.call("POST", path, TOKENS.get(Role.ADMIN), null), 202);
        assertThat(run.get("requestedBy").asText()).isEqualTo("token:api-admin");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> json(
                                http.get("/api/v1/clusters/" + cluster.id() + "/runs?size=1", TOKENS.get(Role.AUDITOR)),
                                200)
                        .at("/items/0/status")
                        .asText()
                        .equals("COMPLETE"));
    }

    @Test
    void invalid_input_gets_400_naming_the_field() throws Exception {
        var auditor = TOKENS.get(Role.AUDITOR);
        var findings = "/api/v1/assessments/" + assessment + "/findings";
        assertThat(field(http.get(findings + "?size=0", auditor))).isEqualTo("size");
        assertThat(field(http.get(findings + "?status=BROKEN", auditor))).isEqualTo("status");
        assertThat(field(http.get(findings + "?framework=sox", auditor))).isEqualTo("framework");
        assertThat(field(http.get(findings + "?page=x", auditor))).isEqualTo("page");

        var engineer = TOKENS.get(Role.ENGINEER);
        assertThat(field(http.call("POST", "/api/v1/waivers", engineer, waiver("privileged-container", "too short"))))
                .isEqualTo("justification");
        assertThat(field(http.call(
                        "POST", "/api/v1/waivers", engineer, waiver("no-such-check", "long enough reason here"))))
                .isEqualTo("checkId");
        assertThat(field(http.call(
                        "POST",
                        "/api/v1/waivers",
                        engineer,
                        waiver("privileged-container", "long enough reason here")
                                .replace("\"expiresAt\": \"" + expiry() + "\"", "\"expiresAt\": null"))))
                .isEqualTo("expiresAt");
        assertThat(field(http.call(
                        "POST",
                        "/api/v1/waivers",
                        engineer,
                        waiver("privileged-container", "long enough reason here")
                                .replace(expiry(), "next week"))))
                .isEqualTo("expiresAt");
        assertThat(problem(http.get("/api/v1/assessments/999999999", auditor), 404)
                        .get("detail")
                        .asText())
                .contains("999999999");
    }

    @Test
    void a_waiver_goes_through_the_api_with_four_eyes() throws Exception {
        var requested = json(
                http.call(
                        "POST",
                        "/api/v1/waivers",
                        TOKENS.get(Role.ENGINEER),
                        waiver("privileged-container", "The node agent needs it until the vendor fixes it.")),
                201);
        var id = requested.get("id").asLong();
        assertThat(requested.get("requestedBy").asText()).isEqualTo("token:api-engineer");

        assertThat(http.call("POST", "/api/v1/waivers/" + id + "/approve", TOKENS.get(Role.ENGINEER), null)
                        .statusCode())
                .isEqualTo(403);
        var sameAdmin = problem(
                http.call("POST", "/api/v1/waivers/" + id + "/approve", TOKENS.get(Role.OFFICER), "{\"note\": \"ok\"}"),
                403);
        assertThat(sameAdmin.get("title").asText()).isEqualTo("Not permitted");
        assertThat(sameAdmin.get("detail").asText()).contains("another officer must decide it");

        var otherOfficer = token("api-officer-other-" + suffix(), Role.OFFICER, "second-admin");
        var approved = json(
                http.call("POST", "/api/v1/waivers/" + id + "/approve", otherOfficer, "{\"note\": \"compensated\"}"),
                200);
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decidedBy").asText()).startsWith("token:api-officer-other-");

        var audit = AsAdmin.admin(() -> auditLog.find(
                        new AuditQuery(null, null, "waiver", null, null, String.valueOf(id)), Pageable.ofSize(500)))
                .getContent()
                .stream()
                .filter(e -> e.targetId().equals(String.valueOf(id)))
                .map(e -> e.actor() + " " + e.action())
                .toList();
        assertThat(audit)
                .contains("token:api-engineer WAIVER_REQUESTED")
                .anyMatch(a -> a.startsWith("token:api-officer-other-") && a.endsWith("WAIVER_APPROVED"));
    }

    @Test
    void engineers_work_items_through_the_api_and_auditors_export_them() throws Exception {
        // a cluster of its own: the other tests collect and re-assess theirs, and a follow-up that
        // touches an item while a request changes it makes the request answer 409, as it should
        var own = clusters.manifests("api-items", DEMO);
        clusters.awaitFollowedUp(Objects.requireNonNull(clusters.collect(own).snapshotId()), Duration.ofSeconds(60));
        var id = AsAdmin.admin(() -> remediation.page(
                        new ItemFilter(own.id(), "payments", EnumSet.of(ItemStatus.OPEN), null, false, null),
                        Pageable.ofSize(1)))
                .getContent()
                .get(0)
                .id();
        // an engineer's token works the items of its team
        var engineer = AsAdmin.as(
                        "test-admin",
                        "ADMIN",
                        () -> tokens.create(
                                "api-engineer-payments", Role.ENGINEER, "payments", Duration.ofDays(30), null))
                .token();

        assertThat(http.call("POST", "/api/v1/remediation/items/" + id + "/start", TOKENS.get(Role.AUDITOR), null)
                        .statusCode())
                .isEqualTo(403);
        var started = json(http.call("POST", "/api/v1/remediation/items/" + id + "/start", engineer, null), 200);
        assertThat(started.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(field(http.call("POST", "/api/v1/remediation/items/" + id + "/comments", engineer, "{}")))
                .isEqualTo("text");
        var history = json(http.get("/api/v1/remediation/items/" + id + "/history", TOKENS.get(Role.AUDITOR)), 200);
        assertThat(history.findValuesAsText("actor")).contains("token:api-engineer-payments");

        var csv = http.get("/api/v1/remediation/items.csv?cluster=" + own.id(), TOKENS.get(Role.AUDITOR));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().skip(1).map(l -> l.split(",")[0])).contains(String.valueOf(id));
    }

    @Test
    void the_openapi_description_lists_the_endpoints() throws Exception {
        var api = json(http.get("/api/v1/openapi", TOKENS.get(Role.AUDITOR)), 200);
        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.get("paths").fieldNames())
                .toIterable()
                .contains(
                        "/api/v1/clusters",
                        "/api/v1/clusters/{id}/posture",
                        "/api/v1/assessments/{id}/findings",
                        "/api/v1/remediation/items",
                        "/api/v1/waivers",
                        "/api/v1/waivers/{id}/approve",
                        "/api/v1/evidence/{file}");
        assertThat(api.at("/components/securitySchemes/token/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void prometheus_exposes_scores_findings_and_collections_to_admins_and_auditors() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/actuator/prometheus", TOKENS.get(Role.ADMIN))
                        .body()
                        .contains("clusterproof_framework_score_percent{cluster=\"" + cluster.name() + "\""));
        var export = http.get(
                "/api/v1/evidence/findings.csv?framework=gdpr&cluster=" + cluster.name(), TOKENS.get(Role.AUDITOR));
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        var metrics = http.get("/actuator/prometheus", TOKENS.get(Role.AUDITOR)).body();
        assertThat(metrics)
                .contains("clusterproof_framework_score_percent{cluster=\"" + cluster.name()
                        + "\",framework=\"pci-dss-4.0\",type=\"control\"}")
                .contains("clusterproof_findings{cluster=\"" + cluster.name() + "\",status=\"FAIL\"}")
                .contains("clusterproof_collection_seconds_count{cluster=\"" + cluster.name()
                        + "\",outcome=\"succeeded\"}")
                .contains("clusterproof_collection_phase_seconds_count{cluster=\"" + cluster.name()
                        + "\",phase=\"read\"}")
                .contains("clusterproof_collection_phase_seconds_count{cluster=\"" + cluster.name()
                        + "\",phase=\"store\"}")
                .contains(
                        "clusterproof_export_runs_total{format=\"findings_csv\",outcome=\"succeeded\",trigger=\"api\"}");
        assertThat(http.get("/actuator/prometheus", TOKENS.get(Role.ENGINEER)).statusCode())
                .isEqualTo(403);
    }

    private String token(String name, Role role, String admin) {
        return AsAdmin.as(admin, "ADMIN", () -> tokens.create(name, role, Duration.ofDays(30)))
                .token();
    }

    private int runs() {
        return jdbc.queryForObject(
                "select count(*) from collection_run where cluster_id = ?", Integer.class, cluster.id());
    }

    private static String waiver(String check, String justification) {
        return """
                {"checkId": "%s", "namespace": "payments", "kind": "Deployment", "namePattern": "agent-*",
                 "justification": "%s", "ticketUrl": "https://tickets.example/RISK-1", "expiresAt": "%s"}
                """.formatted(check, justification, expiry());
    }

    private static String expiry() {
        return Clock.systemUTC()
                .instant()
                .plus(Duration.ofDays(30))
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .toString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode framework(JsonNode posture, String id) {
        for (var f : posture.get("frameworks")) {
            if (f.get("frameworkId").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no framework " + id + " in " + posture);
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.headers().firstValue("Content-Type"))
                .as(response.body())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        return json(response, status);
    }

    private static String field(HttpResponse<String> response) throws Exception {
        return problem(response, 400).get("field").asText();
    }
}
