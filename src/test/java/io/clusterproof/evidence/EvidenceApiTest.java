package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.access.ApiTokenService;
import io.clusterproof.access.Role;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.WebIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The evidence API with real API tokens of each role, over HTTP. */
@WebIntegrationTest
class EvidenceApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    DemoEvidence demo;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void issueOneTokenPerRole() {
        demo.cluster();
        if (TOKENS.isEmpty()) {
            for (var role : Role.values()) {
                var name = "evidence-" + role.name().toLowerCase() + "-"
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
    void each_token_role_gets_exactly_the_evidence_it_may_have(Role role) throws Exception {
        var allowed = role != Role.ENGINEER;
        var expected = allowed ? 200 : 403;

        var list = get("/api/v1/evidence/packs", role);
        assertThat(list.statusCode()).as("list as %s", role).isEqualTo(expected);
        var csv = get(
                "/api/v1/evidence/control-matrix.csv?framework=gdpr&cluster="
                        + demo.cluster().name(),
                role);
        assertThat(csv.statusCode()).as("CSV as %s", role).isEqualTo(expected);
        var create = send(HttpRequest.newBuilder(uri("/api/v1/evidence/packs?framework=gdpr&cluster="
                        + demo.cluster().name()))
                .header("Authorization", "Bearer " + TOKENS.get(role))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(create.statusCode()).as("create as %s", role).isEqualTo(allowed ? 201 : 403);
        if (!allowed) {
            assertThat(list.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(list).get("status").asInt()).isEqualTo(403);
        }
    }

    @Test
    void a_pack_created_over_the_api_downloads_byte_for_byte_with_its_digest() throws Exception {
        var created = send(HttpRequest.newBuilder(uri("/api/v1/evidence/packs?framework=pci-dss-4.0&cluster="
                        + demo.cluster().name()))
                .header("Authorization", "Bearer " + TOKENS.get(Role.AUDITOR))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(created.statusCode()).isEqualTo(201);
        var pack = json(created);
        assertThat(pack.get("generatedBy").asText()).startsWith("token:evidence-auditor-");

        var download = get("/api/v1/evidence/packs/" + pack.get("id").asLong() + "/download", Role.AUDITOR);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(download.headers().firstValue("X-Content-SHA256"))
                .hasValue(pack.get("sha256").asText());
        assertThat(EvidencePackTest.sha256(download.body()))
                .isEqualTo(pack.get("sha256").asText());
        assertThat(EvidencePackTest.unzip(download.body())).containsKey("manifest.json");

        var details = json(get("/api/v1/evidence/packs/" + pack.get("id").asLong(), Role.OFFICER));
        assertThat(details.at("/manifest/framework/id").asText()).isEqualTo("pci-dss-4.0");
        var listed = json(get("/api/v1/evidence/packs?size=500", Role.ADMIN));
        assertThat(listed.get("content").findValuesAsText("sha256"))
                .contains(pack.get("sha256").asText());
    }

    @Test
    void the_pdf_and_the_findings_csv_stream_with_their_content_types() throws Exception {
        var query = "?framework=pci-dss-4.0&cluster=" + demo.cluster().name() + "&from=2026-01-01&to=2026-12-31";
        var pdf = get("/api/v1/evidence/report.pdf" + query, Role.AUDITOR);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PdfText.of(pdf.body()).compact()).contains(PdfText.compact("2026-01-01 to 2026-12-31"));

        var csv = get("/api/v1/evidence/findings.csv" + query, Role.AUDITOR);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(
                        d -> assertThat(d).contains("evidence-pci-dss-4.0-2026-01-01-to-2026-12-31-findings.csv"));
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("Framework,Control,Control Title,");
    }

    @Test
    void invalid_parameters_are_a_400_problem_naming_the_field() throws Exception {
        var cluster = "&cluster=" + demo.cluster().name();
        assertProblem("/api/v1/evidence/findings.csv?framework=sox" + cluster, "framework");
        assertProblem("/api/v1/evidence/findings.csv?cluster=" + demo.cluster().name(), "framework");
        assertProblem("/api/v1/evidence/report.pdf?framework=gdpr&from=yesterday" + cluster, "from");
        assertProblem("/api/v1/evidence/report.pdf?framework=gdpr&to=2026-13-45" + cluster, "to");
        assertProblem("/api/v1/evidence/report.pdf?framework=gdpr&from=2026-11-20&to=2026-11-01" + cluster, "from");
        assertProblem("/api/v1/evidence/control-matrix.csv?framework=gdpr&cluster=no-such-cluster", "cluster");
        assertProblem("/api/v1/evidence/packs?size=0", "size");
        assertProblem("/api/v1/evidence/packs?page=-1", "page");
    }

    @Test
    void an_unknown_pack_is_a_404_problem() throws Exception {
        var response = get("/api/v1/evidence/packs/987654321/download", Role.AUDITOR);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("detail").asText()).contains("987654321");
    }

    private void assertProblem(String path, String field) throws Exception {
        var response = get(path, Role.AUDITOR);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        var problem = json(response);
        assertThat(problem.get("field").asText()).as(path).isEqualTo(field);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).as(path).isNotBlank();
    }

    private HttpResponse<byte[]> get(String path, Role role) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TOKENS.get(role))
                .GET()
                .build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create(
                "http://127.0.0.1:" + port + path.replace(" ", URLEncoder.encode(" ", StandardCharsets.UTF_8)));
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
