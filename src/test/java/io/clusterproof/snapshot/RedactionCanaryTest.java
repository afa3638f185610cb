package io.clusterproof.snapshot;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import io.clusterproof.access.ApiTokenService;
import io.clusterproof.access.Role;
import io.clusterproof.snapshot.ui.ClustersView;
import io.clusterproof.snapshot.ui.ResourceBrowserView;
import io.clusterproof.snapshot.ui.SnapshotsView;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.KaribuTest;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A unique canary planted everywhere a secret can hide in a cluster must appear nowhere after a
 * collection: not in any column of any table, not in the log, not on any page.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedactionCanaryTest extends KaribuTest {

    private final String canary = "canary-" + UUID.randomUUID();
    private final MockApiServer api = new MockApiServer();

    @Autowired
    TestClusters clusters;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void a_secret_value_never_reaches_the_database_the_log_or_a_page(CapturedOutput output) throws Exception {
        plantCanary();
        var cluster = clusters.kubeconfig("canary", api.kubeconfig(dir));
        var run = clusters.collect(cluster);
        var assessment = clusters.latestAssessment(run.snapshotId());
        assertThat(jdbc.queryForObject(
                        "select count(*) from finding_state where cluster_id = ? and check_id = "
                                + "'plaintext-credentials' and status = 'FAIL'",
                        Integer.class,
                        cluster.id()))
                .as("the literal values were noticed, as a fact")
                .isPositive();
        assertThat(jdbc.queryForList(
                        "select name from finding_state where cluster_id = ? and check_id = "
                                + "'plaintext-credentials' and status = 'FAIL'",
                        String.class,
                        cluster.id()))
                .as("every shape is flagged")
                .contains("shapes", "shapes-config");

        assertThat(everyStoredValue()).noneMatch(this::containsCanary);
        assertThat(output.getAll()).doesNotContain(canary).doesNotContain(base64(canary));
        assertThat(pages(cluster.id(), run.snapshotId())).noneMatch(this::containsCanary);
        assertThat(apiResponses(cluster, run.snapshotId(), assessment)).noneMatch(this::containsCanary);
    }

    private void plantCanary() {
        api.create(new NamespaceBuilder()
                .withNewMetadata()
                .withName("vault")
                .endMetadata()
                .build());
        api.load(CredentialShapes.objects(canary));
        api.create(new SecretBuilder()
                .withNewMetadata()
                .withName("db")
                .withNamespace("vault")
                .endMetadata()
                .withType("Opaque")
                .withData(Map.of("password", base64(canary)))
                .withStringData(Map.of("token", canary))
                .build());
        api.create(new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withNamespace("vault")
                .endMetadata()
                .withData(Map.of(
                        "db_password",
                        canary,
                        "app.properties",
                        "url=jdbc:x\npassword=" + canary + "\nmode=a",
                        "LOG_LEVEL",
                        "info"))
                .build());
        api.create(new DeploymentBuilder()
                .withNewMetadata()
                .withName("api")
                .withNamespace("vault")
                .addToAnnotations(
                        "kubectl.kubernetes.io/last-applied-configuration",
                        "{\"kind\":\"Secret\",\"data\":{\"password\":\"" + canary + "\"}}")
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", "api")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "api")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("api")
                .withImage("registry.example/api:1")
                .addNewEnv()
                .withName("DB_PASSWORD")
                .withValue(canary)
                .endEnv()
                .addNewEnv()
                .withName("API_TOKEN")
                .withValue(canary)
                .endEnv()
                .addNewEnv()
                .withName("MODE")
                .withValue("production")
                .endEnv()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build());
    }

    /** Every text and binary value of every column of every table, gzip bodies unpacked. */
    private List<String> everyStoredValue() throws SQLException {
        var values = new ArrayList<String>();
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            var tables = new ArrayList<String>();
            try (var rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).as("tables found").hasSizeGreaterThan(10);
            for (var table : tables) {
                var quotedTable = "\"" + table + "\"";
                try (var columns = meta.getColumns(null, connection.getSchema(), table, "%")) {
                    while (columns.next()) {
                        // quoted: the names exactly as the database reports them
                        var column = "\"" + columns.getString("COLUMN_NAME") + "\"";
                        var type = columns.getInt("DATA_TYPE");
                        if (isText(type)) {
                            values.addAll(jdbc.queryForList(
                                    "select " + column + " from " + quotedTable + " where " + column + " is not null",
                                    String.class));
                        } else if (isBinary(type)) {
                            jdbc.queryForList("select " + column + " from " + quotedTable, byte[].class)
                                    .forEach(bytes -> {
                                        if (bytes != null) {
                                            values.add(new String(bytes, StandardCharsets.ISO_8859_1));
                                            values.add(gunzip(bytes));
                                        }
                                    });
                        }
                    }
                }
            }
        }
        assertThat(values).as("stored values").hasSizeGreaterThan(100);
        return values;
    }

    /** What the REST API answers about this cluster: objects, findings, items and evidence exports. */
    private List<String> apiResponses(ClusterSummary cluster, long snapshotId, long assessment) throws Exception {
        var token = AsAdmin.admin(() -> context.getBean(ApiTokenService.class)
                        .create(
                                "canary-" + UUID.randomUUID().toString().substring(0, 8),
                                Role.AUDITOR,
                                Duration.ofDays(1)))
                .token();
        var mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var paths = new ArrayList<String>(List.of(
                "/api/v1/clusters/" + cluster.id(),
                "/api/v1/snapshots/" + snapshotId,
                "/api/v1/snapshots/" + snapshotId + "/resources?namespace=vault",
                "/api/v1/snapshots/" + snapshotId + "/object?kind=Secret&namespace=vault&name=db",
                "/api/v1/snapshots/" + snapshotId + "/object?kind=ConfigMap&namespace=vault&name=settings",
                "/api/v1/snapshots/" + snapshotId + "/object?group=apps&kind=Deployment&namespace=vault&name=api",
                "/api/v1/snapshots/" + snapshotId + "/object?group=apps&kind=Deployment&namespace=vault&name=shapes",
                "/api/v1/snapshots/" + snapshotId + "/object?kind=ConfigMap&namespace=vault&name=shapes-config",
                "/api/v1/assessments/" + assessment + "/findings?namespace=vault&size=500",
                "/api/v1/remediation/items?cluster=" + cluster.id() + "&size=500",
                "/api/v1/remediation/items.csv?cluster=" + cluster.id()));
        for (var framework : List.of("pci-dss-4.0", "hipaa-security-rule", "gdpr")) {
            paths.add("/api/v1/evidence/findings.csv?framework=" + framework + "&cluster=" + cluster.name());
        }
        var texts = new ArrayList<String>();
        for (var path : paths) {
            var response = mvc.perform(MockMvcRequestBuilders.get(path).header("Authorization", "Bearer " + token))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            texts.add(response.getContentAsString(StandardCharsets.UTF_8));
        }
        var pdf = mvc.perform(MockMvcRequestBuilders.get(
                                "/api/v1/evidence/report.pdf?framework=pci-dss-4.0&cluster=" + cluster.name())
                        .header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            texts.add(new PDFTextStripper().getText(document));
        }
        assertThat(String.join("", texts))
                .as("the API showed the objects")
                .contains("DB_PASSWORD")
                .contains(SecretRedactor.MARKER)
                .as("and kept what only looks like a credential")
                .contains(CredentialShapes.KEPT.subList(2, CredentialShapes.KEPT.size()));
        return texts;
    }

    /** The text of every page an administrator can open about this cluster, the secret's YAML included. */
    private List<String> pages(long clusterId, long snapshotId) {
        signInAs(Role.ADMIN);
        var texts = new ArrayList<String>();
        UI.getCurrent().navigate(ClustersView.class);
        texts.add(pageText());
        UI.getCurrent().navigate(SnapshotsView.class, new RouteParameters("cluster", String.valueOf(clusterId)));
        texts.add(pageText());
        UI.getCurrent()
                .navigate(
                        ResourceBrowserView.class,
                        new RouteParameters("snapshot", String.valueOf(snapshotId)),
                        QueryParameters.simple(Map.of("namespace", "vault")));
        @SuppressWarnings("unchecked")
        Grid<ResourceRow> grid = _get(Grid.class, spec -> spec.withId("resources"));
        for (int i = 0; i < GridKt._size(grid); i++) {
            GridKt._clickItem(grid, i);
            texts.add(pageText());
        }
        for (var kindAndName : List.of(
                "Secret/db", "ConfigMap/settings", "Deployment/api", "Deployment/shapes", "ConfigMap/shapes-config")) {
            var kind = kindAndName.substring(0, kindAndName.indexOf('/'));
            var name = kindAndName.substring(kindAndName.indexOf('/') + 1);
            var group = kind.equals("Deployment") ? "apps" : "";
            UI.getCurrent()
                    .navigate(
                            "resource",
                            QueryParameters.simple(Map.of(
                                    "cluster",
                                    String.valueOf(clusterId),
                                    "rgroup",
                                    group,
                                    "rkind",
                                    kind,
                                    "rns",
                                    "vault",
                                    "rname",
                                    name)));
            texts.add(pageText());
            UI.getCurrent()
                    .navigate(
                            "finding",
                            QueryParameters.simple(Map.of(
                                    "cluster",
                                    String.valueOf(clusterId),
                                    "check",
                                    "plaintext-credentials",
                                    "rgroup",
                                    group,
                                    "rkind",
                                    kind,
                                    "rns",
                                    "vault",
                                    "rname",
                                    name)));
            texts.add(pageText());
        }
        assertThat(String.join("", texts))
                .as("the pages showed the objects")
                .contains("DB_PASSWORD")
                .contains("LOG_LEVEL");
        return texts;
    }

    private static String pageText() {
        MockVaadin.clientRoundtrip();
        var text = new StringBuilder();
        // the outermost layout of the page shown, wherever Vaadin attaches it under the UI
        var chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        text.append(chain.get(chain.size() - 1).getElement().getOuterHTML());
        return text.toString();
    }

    private boolean containsCanary(String value) {
        return value.contains(canary) || value.contains(base64(canary));
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String gunzip(byte[] bytes) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isText(int type) {
        return type == Types.VARCHAR
                || type == Types.CHAR
                || type == Types.CLOB
                || type == Types.LONGVARCHAR
                || type == Types.NVARCHAR
                || type == Types.NCLOB
                || type == Types.OTHER;
    }

    private static boolean isBinary(int type) {
        return type == Types.BLOB || type == Types.VARBINARY || type == Types.BINARY || type == Types.LONGVARBINARY;
    }
}
