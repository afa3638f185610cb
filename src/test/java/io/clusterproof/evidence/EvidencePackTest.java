package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.AuditQuery;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A pack in the locker verifies against its own digest and its manifest, and never changes. */
@IntegrationTest
class EvidencePackTest {

    @Autowired
    DemoEvidence demo;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceScheduler scheduler;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    SnapshotReader snapshots;

    @Autowired
    Catalog catalog;

    @Autowired
    AuditLog auditLog;

    @Autowired
    OscalExport oscal;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_manifest_digests_verify_against_the_zip_entries_and_the_pack_against_the_locker() throws Exception {
        var pack = AsAdmin.as("test-auditor", "AUDITOR", () -> evidence.createPack(demo.request(DemoEvidence.PCI)));
        var zip = download(pack.id());

        assertThat(sha256(zip)).isEqualTo(pack.sha256());
        assertThat((long) zip.length).isEqualTo(pack.sizeBytes());
        var entries = unzip(zip);
        assertThat(entries.keySet())
                .containsExactly(
                        "evidence-report.pdf",
                        "findings.csv",
                        "control-matrix.csv",
                        "assessment-results.json",
                        "manifest.json",
                        "SHA256SUMS");
        var manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertThat(manifest.get("files")).hasSize(4);
        for (JsonNode file : manifest.get("files")) {
            var bytes = entries.get(file.get("name").asText());
            assertThat(sha256(bytes))
                    .as(file.get("name").asText())
                    .isEqualTo(file.get("sha256").asText());
            assertThat(file.get("size").asLong()).isEqualTo(bytes.length);
        }
        var sums = new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(sums).hasSize(5);
        for (var line : sums) {
            var parts = line.split(" {2}");
            assertThat(sha256(entries.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
        }
    }

    @Test
    void the_pack_holds_oscal_assessment_results_that_its_manifest_lists_and_verifies() throws Exception {
        var pack = AsAdmin.as("test-auditor", "AUDITOR", () -> evidence.createPack(demo.request(DemoEvidence.PCI)));
        var entries = unzip(download(pack.id()));
        var manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        var listed = StreamSupport.stream(manifest.get("files").spliterator(), false)
                .filter(f -> f.get("name").asText().equals("assessment-results.json"))
                .findFirst()
                .orElseThrow();
        var bytes = entries.get("assessment-results.json");

        assertThat(sha256(bytes)).isEqualTo(listed.get("sha256").asText());
        assertThat(listed.get("size").asLong()).isEqualTo(bytes.length);
        assertThat(new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8))
                .contains(listed.get("sha256").asText() + "  assessment-results.json");
        var document = new ObjectMapper().readTree(bytes);
        assertThat(OscalSchema.violations(document)).isEmpty();
        var results = document.at("/assessment-results/results");
        assertThat(results).hasSize(1);
        var perAssessment = AsAdmin.as("test-auditor", "AUDITOR", () -> oscal.ofAssessment(demo.assessmentId()));
        assertThat(perAssessment.at("/assessment-results/results").findValuesAsText("uuid"))
                .as("the pack's result is the assessment's PCI result")
                .contains(results.get(0).get("uuid").asText());
    }

    @Test
    void the_manifest_names_the_clusters_assessments_snapshots_catalog_framework_and_period() throws Exception {
        var request = demo.request(DemoEvidence.PCI);
        var pack = AsAdmin.as("test-auditor", "AUDITOR", () -> evidence.createPack(request));
        var manifest = new ObjectMapper().readTree(unzip(download(pack.id())).get("manifest.json"));
        var assessment = assessments.get(demo.assessmentId()).orElseThrow();
        var snapshot = snapshots.summary(assessment.snapshotId()).orElseThrow();

        assertThat(manifest.at("/framework/id").asText()).isEqualTo(DemoEvidence.PCI);
        assertThat(manifest.at("/period/from").asText())
                .isEqualTo(request.from().toString());
        assertThat(manifest.at("/period/to").asText()).isEqualTo(request.to().toString());
        assertThat(manifest.at("/generatedBy").asText()).isEqualTo("test-auditor");
        assertThat(manifest.at("/catalogDigest").asText()).isEqualTo(catalog.digest());
        var cluster = manifest.at("/clusters/0");
        assertThat(cluster.get("name").asText()).isEqualTo(demo.cluster().name());
        assertThat(cluster.get("assessmentId").asLong()).isEqualTo(assessment.id());
        assertThat(cluster.get("snapshotId").asLong()).isEqualTo(snapshot.id());
        assertThat(cluster.get("snapshotDigest").asText()).isEqualTo(snapshot.digest());
        assertThat(cluster.get("assessmentCatalogDigest").asText()).isEqualTo(assessment.catalogDigest());
        assertThat(auditor(() -> evidence.manifest(pack.id())).orElseThrow())
                .isEqualTo(new String(unzip(download(pack.id())).get("manifest.json"), StandardCharsets.UTF_8));
    }

    @Test
    void creating_a_pack_is_audited_and_it_is_listed_in_the_locker() {
        var pack = AsAdmin.as("test-officer", "OFFICER", () -> evidence.createPack(demo.request("gdpr")));

        var entries = AsAdmin.admin(() -> auditLog.find(
                new AuditQuery(null, "EVIDENCE_PACK_CREATED", null, null, null, null), PageRequest.of(0, 500)));
        assertThat(entries.getContent()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("test-officer");
            assertThat(e.targetId()).isEqualTo(String.valueOf(pack.id()));
            assertThat(e.after()).contains(pack.sha256());
        });
        var listed = AsAdmin.as("test-auditor", "AUDITOR", () -> evidence.packs(PageRequest.of(0, 500)));
        assertThat(listed.getContent()).anySatisfy(p -> assertThat(p).isEqualTo(pack));
        assertThat(pack.retainUntil()).isEqualTo(pack.generatedAt().plus(Duration.ofDays(365)));
        assertThat(pack.clusters()).containsExactly(demo.cluster().name());
    }

    @Test
    void a_stored_pack_cannot_be_updated() {
        var pack = AsAdmin.as("test-auditor", "AUDITOR", () -> evidence.createPack(demo.request("gdpr")));

        assertThatThrownBy(() -> jdbc.update("update evidence_pack set sha256 = 'forged' where id = ?", pack.id()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("immutable");
        assertThat(auditor(() -> evidence.pack(pack.id())).orElseThrow().sha256())
                .isEqualTo(pack.sha256());
    }

    @Test
    void packs_are_deleted_only_when_their_retention_has_passed_and_each_deletion_is_audited() {
        var pack = AsAdmin.as("test-auditor", "AUDITOR", () -> evidence.createPack(demo.request("gdpr")));

        scheduler.deleteExpired(pack.retainUntil().minusSeconds(1));
        assertThat(auditor(() -> evidence.pack(pack.id()))).isPresent();

        scheduler.deleteExpired(pack.retainUntil().plusSeconds(1));
        assertThat(auditor(() -> evidence.pack(pack.id()))).isEmpty();
        var entries = AsAdmin.admin(() -> auditLog.find(
                new AuditQuery(null, "EVIDENCE_PACK_DELETED", null, null, null, null), PageRequest.of(0, 500)));
        assertThat(entries.getContent()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.targetId()).isEqualTo(String.valueOf(pack.id()));
            assertThat(e.before()).contains(pack.sha256());
        });
    }

    private byte[] download(long id) {
        var out = new ByteArrayOutputStream();
        AsAdmin.as("test-auditor", "AUDITOR", () -> {
            evidence.download(id, out);
            return null;
        });
        return out.toByteArray();
    }

    private static <T> T auditor(java.util.function.Supplier<T> work) {
        return AsAdmin.as("test-auditor", "AUDITOR", work);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
