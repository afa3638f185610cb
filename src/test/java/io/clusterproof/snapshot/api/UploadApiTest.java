package io.clusterproof.snapshot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.access.ApiTokenService;
import io.clusterproof.access.Role;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.Http;
import io.clusterproof.support.WebIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Uploads over real HTTP with a 4 MiB limit: larger than Spring's own 1 MB default, so a 3 MB dump
 * passes only if the configured limit is the one applied.
 */
@WebIntegrationTest
@TestPropertySource(
        properties = {
            "clusterproof.snapshot.max-upload-bytes=4194304",
            "clusterproof.snapshot.max-expanded-bytes=16777216"
        })
class UploadApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestClusters clusters;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcTemplate jdbc;

    private Http http;
    private String engineer;
    private ClusterSummary airGapped;

    @BeforeEach
    void uploadsOnlyClusterAndEngineerToken() {
        http = new Http(port);
        airGapped = clusters.uploadsOnly("air-gapped");
        engineer = AsAdmin.admin(() -> tokens.create("upload-" + suffix(), Role.ENGINEER, Duration.ofDays(1)))
                .token();
    }

    @Test
    void a_3_mb_multipart_upload_is_stored_and_its_run_can_be_read_back() throws Exception {
        var dump = configMaps(300, 10_000);
        assertThat(dump.length).isGreaterThan(3_000_000);

        var response = http.send(multipart("dump.yaml", dump).build());

        var run = json(response, 202);
        assertThat(run.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(run.get("objects").asInt()).isEqualTo(300);
        var read = json(
                http.get(
                        "/api/v1/clusters/" + airGapped.id() + "/runs/"
                                + run.get("id").asLong(),
                        engineer),
                200);
        assertThat(read.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(read.get("snapshotId").asLong()).isPositive();
    }

    @Test
    void a_raw_yaml_body_is_stored_like_a_file() throws Exception {
        var response = http.send(raw("application/yaml", configMaps(3, 100)).build());

        assertThat(json(response, 202).get("objects").asInt()).isEqualTo(3);
    }

    @Test
    void a_raw_body_of_unannounced_length_is_stopped_at_the_limit_with_413_and_the_run_is_failed() throws Exception {
        var tooBig = configMaps(500, 10_000);
        assertThat(tooBig.length).isGreaterThan(4_194_304);

        var unannounced = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig));
        var response =
                http.send(raw("application/yaml", tooBig).POST(unannounced).build());

        var problem = json(response, 413);
        assertThat(problem.get("detail").asText())
                .contains("larger than the upload limit of 4 MiB (clusterproof.snapshot.max-upload-bytes)");
        assertThat(lastRunStatus()).isEqualTo("FAILED");
    }

    @Test
    void a_multipart_upload_over_the_limit_is_refused_with_413() throws Exception {
        var response = http.send(multipart("dump.yaml", configMaps(500, 10_000)).build());

        assertThat(json(response, 413).get("detail").asText()).contains("clusterproof.snapshot.max-upload-bytes");
    }

    @Test
    void an_archive_bomb_is_refused_with_413_naming_the_expansion_limit() throws Exception {
        var bomb = zeroBomb(64, 3 << 20);
        assertThat(bomb.length).isLessThan(1 << 20);

        var response = http.send(raw("application/gzip", bomb).build());

        assertThat(json(response, 413).get("detail").asText())
                .isEqualTo("upload.tar.gz expands to more than 16 MiB (clusterproof.snapshot.max-expanded-bytes);"
                        + " reading stopped there.");
        assertThat(lastRunStatus()).isEqualTo("FAILED");
    }

    @Test
    void an_administrator_registers_an_air_gapped_cluster_over_the_api_and_an_engineer_may_not() throws Exception {
        var admin = AsAdmin.admin(() -> tokens.create("register-" + suffix(), Role.ADMIN, Duration.ofDays(1)))
                .token();
        var name = "pushed-" + suffix();
        var body = "{\"name\": \"" + name + "\", \"labels\": {\"env\": \"prod\"}, \"source\": \"uploads\"}";

        var created = json(http.call("POST", "/api/v1/clusters", admin, body), 201);
        assertThat(created.at("/definition/name").asText()).isEqualTo(name);
        var id = created.get("id").asLong();
        var upload = http.send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/clusters/" + id + "/uploads")))
                .header("Authorization", "Bearer " + engineer)
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(configMaps(2, 100)))
                .build());
        assertThat(json(upload, 202).get("status").asText()).isEqualTo("COMPLETE");

        json(http.call("POST", "/api/v1/clusters", engineer, body.replace(name, name + "-2")), 403);
        var invalid = json(http.call("POST", "/api/v1/clusters", admin, body.replace("uploads", "ftp")), 400);
        assertThat(invalid.get("field").asText()).isEqualTo("source");
    }

    @Test
    void an_engineer_may_not_upload_over_a_collected_cluster() throws Exception {
        var collected = clusters.manifests("collected", Path.of("src/main/resources/demo/cluster"));

        var response = http.send(
                HttpRequest.newBuilder(URI.create(http.url("/api/v1/clusters/" + collected.id() + "/uploads")))
                        .header("Authorization", "Bearer " + engineer)
                        .header("Content-Type", "application/yaml")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(configMaps(1, 10)))
                        .build());

        assertThat(json(response, 403).get("detail").asText())
                .contains("only an administrator may replace its record with an uploaded dump");
    }

    private HttpRequest.Builder raw(String type, byte[] body) {
        return HttpRequest.newBuilder(URI.create(http.url("/api/v1/clusters/" + airGapped.id() + "/uploads")))
                .header("Authorization", "Bearer " + engineer)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpRequest.Builder multipart(String fileName, byte[] content) throws IOException {
        var boundary = "----cp" + suffix();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/yaml\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(http.url("/api/v1/clusters/" + airGapped.id() + "/uploads")))
                .header("Authorization", "Bearer " + engineer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private String lastRunStatus() {
        return jdbc.queryForObject(
                "select status from collection_run where cluster_id = ? order by id desc limit 1",
                String.class,
                airGapped.id());
    }

    /** {@code count} ConfigMaps of about {@code bytes} each, with nothing that looks like a credential. */
    static byte[] configMaps(int count, int bytes) {
        var yaml = new StringBuilder();
        for (int i = 0; i < count; i++) {
            yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-")
                    .append(i)
                    .append("\n  namespace: shop\ndata:\n  banner: \"")
                    .append("welcome ".repeat(bytes / 8))
                    .append("\"\n");
        }
        return yaml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code entries} files of {@code size} zeros each: a few hundred KiB that expand to far more. */
    static byte[] zeroBomb(int entries, int size) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var block = new byte[1 << 16];
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (int i = 0; i < entries; i++) {
                var entry = new TarArchiveEntry("zeros-" + i + ".yaml");
                entry.setSize(size);
                tar.putArchiveEntry(entry);
                for (int written = 0; written < size; written += block.length) {
                    tar.write(block, 0, Math.min(block.length, size - written));
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
