package io.clusterproof.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import io.clusterproof.access.Role;
import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.CredentialShapes;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.SecretRedactor;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.KaribuTest;
import io.clusterproof.support.UiTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Secret values rotate between two snapshots, in every place a secret can hide; the diff, its CSV
 * and the drift page may say that a redacted value was there, and never what it was.
 */
@ExtendWith(OutputCaptureExtension.class)
class DriftRedactionCanaryTest extends KaribuTest {

    private final String first = "canary-" + UUID.randomUUID();
    private final String second = "canary-" + UUID.randomUUID();

    @Autowired
    TestClusters clusters;

    @Autowired
    DriftService drift;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SnapshotReader snapshots;

    @TempDir
    Path dir;

    @Test
    void rotated_and_added_secret_values_never_appear_in_a_diff(CapturedOutput output) throws IOException {
        write(first, false);
        var cluster = clusters.manifests("drift-canary", dir);
        var before = clusters.collect(cluster).snapshotId();
        write(second, true);
        var after = clusters.collect(cluster).snapshotId();

        var seen = everythingTheDiffSays(cluster.id(), before, after);

        assertThat(seen).noneMatch(this::containsCanary);
        assertThat(output.getAll()).doesNotContain(first).doesNotContain(second);
        assertThat(String.join("\n", seen))
                .as("the diff shows the facts: a redacted value was added")
                .contains("API_TOKEN")
                .contains(SecretRedactor.MARKER)
                .contains("data.token");
    }

    @Test
    void a_body_stored_before_a_redaction_rule_is_redacted_again_before_it_is_compared() throws IOException {
        write(first, false);
        var cluster = clusters.manifests("drift-canary-old", dir);
        var before = clusters.collect(cluster).snapshotId();
        write(second, true);
        var after = clusters.collect(cluster).snapshotId();
        var api = new ResourceKey("apps", "Deployment", "vault", "api");
        var digest = drift.change(before, after, api).orElseThrow().toDigest();
        var original =
                jdbc.queryForMap("select body, segment_id, segment_offset from resource_body where digest = ?", digest);
        try {
            // as if this body had been stored, gzipped on its own, by a version that did not redact DB_PASSWORD
            var json = new String(CanonicalJson.bytes(snapshots.body(digest).orElseThrow()), StandardCharsets.UTF_8)
                    .replace(SecretRedactor.MARKER, second);
            assertThat(json).contains(second);
            jdbc.update(
                    "update resource_body set body = ?, segment_id = null, segment_offset = null where digest = ?",
                    gzip(json.getBytes(StandardCharsets.UTF_8)),
                    digest);

            var change = drift.change(before, after, api).orElseThrow();

            assertThat(change.fields().toString()).doesNotContain(second).doesNotContain(first);
            assertThat(change.fields())
                    .extracting(FieldChange::path)
                    .doesNotContain("spec.template.spec.containers[name=api].env[name=DB_PASSWORD].value");
            signInAs(Role.AUDITOR);
            UI.getCurrent()
                    .navigate(
                            "drift",
                            QueryParameters.simple(Map.of(
                                    "cluster", String.valueOf(cluster.id()),
                                    "from", String.valueOf(before),
                                    "to", String.valueOf(after),
                                    "rgroup", "apps",
                                    "rkind", "Deployment",
                                    "rns", "vault",
                                    "rname", "api")));
            MockVaadin.clientRoundtrip();
            var page = new StringBuilder();
            UI.getCurrent().getElement().getChildren().forEach(e -> page.append(e.getOuterHTML()));
            assertThat(page.toString())
                    .as("the object's YAML in the diff dialog")
                    .contains("change-yaml")
                    .contains("DB_PASSWORD")
                    .doesNotContain(second);
        } finally {
            jdbc.update(
                    "update resource_body set body = ?, segment_id = ?, segment_offset = ? where digest = ?",
                    original.get("body"),
                    original.get("segment_id"),
                    original.get("segment_offset"),
                    digest);
        }
    }

    private List<String> everythingTheDiffSays(long clusterId, long before, long after) {
        var seen = new ArrayList<String>();
        drift.forEachChange(before, after, ChangeFilter.all(), change -> {
            seen.add(change.key().display());
            change.fields().forEach(f -> seen.add(f.path() + " | " + f.before() + " | " + f.after()));
        });
        assertThat(seen).as("the diff found the changes").hasSizeGreaterThan(3);
        var csv = new StringWriter();
        drift.exportCsv(before, after, ChangeFilter.all(), csv);
        seen.add(csv.toString());
        signInAs(Role.AUDITOR);
        for (var name : List.of("api", "settings", "db")) {
            var kind = name.equals("api") ? "Deployment" : name.equals("db") ? "Secret" : "ConfigMap";
            UI.getCurrent()
                    .navigate(
                            "drift",
                            QueryParameters.simple(Map.of(
                                    "cluster",
                                    String.valueOf(clusterId),
                                    "from",
                                    String.valueOf(before),
                                    "to",
                                    String.valueOf(after),
                                    "owned",
                                    "true",
                                    "rgroup",
                                    name.equals("api") ? "apps" : "",
                                    "rkind",
                                    kind,
                                    "rns",
                                    "vault",
                                    "rname",
                                    name)));
            MockVaadin.clientRoundtrip();
            var page = new StringBuilder();
            UI.getCurrent().getElement().getChildren().forEach(e -> page.append(e.getOuterHTML()));
            UiTree.all(UI.getCurrent()).filter(c -> c instanceof Grid<?>).forEach(c -> {
                var grid = (Grid<?>) c;
                for (int i = 0; i < Math.min(GridKt._size(grid), 200); i++) {
                    page.append(String.join(" | ", GridKt._getFormattedRow(grid, i)))
                            .append('\n');
                }
            });
            seen.add(page.toString());
        }
        assertThat(seen.get(seen.size() - 3))
                .as("the page showed the Deployment's diff")
                .contains("change-dialog")
                .contains("env[name=API_TOKEN]");
        return seen;
    }

    private boolean containsCanary(String text) {
        return text.contains(first)
                || text.contains(second)
                || text.contains(base64(first))
                || text.contains(base64(second));
    }

    private void write(String secret, boolean rotated) throws IOException {
        Files.writeString(dir.resolve("shapes.yaml"), CredentialShapes.yaml(secret));
        Files.writeString(dir.resolve("vault.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata: {name: vault}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: db, namespace: vault}
                type: Opaque
                data:
                  password: %s
                %s
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: vault}
                data:
                  db_password: %s
                  app.properties: "url=jdbc:x\\npassword=%s\\nmode=%s"
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: vault}
                spec:
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      containers:
                        - name: api
                          image: registry.example/api:1
                          args: ["--db-password=%s"]
                          env:
                            - {name: DB_PASSWORD, value: %s}
                %s
                """.formatted(
                        base64(secret),
                        rotated ? "  token: " + base64(secret) : "",
                        secret,
                        secret,
                        rotated ? "b" : "a",
                        secret,
                        secret,
                        rotated ? "            - {name: API_TOKEN, value: " + secret + "}" : ""));
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
