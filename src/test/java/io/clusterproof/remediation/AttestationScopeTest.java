package io.clusterproof.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.access.AuditLog;
import io.clusterproof.access.AuditQuery;
import io.clusterproof.access.AuditRecord;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.base.InvalidInputException;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/** An attestation covers the clusters it names; only organisation-wide ones reach clusters registered later. */
@IntegrationTest
class AttestationScopeTest {

    static final String PCI = "pci-dss-4.0";

    @Autowired
    TestClusters clusters;

    @Autowired
    AttestationService attestations;

    @Autowired
    AttestationRules rules;

    @Autowired
    AttestationScopeNotes notes;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Catalog catalog;

    @TempDir
    Path dir;

    @BeforeEach
    void manifests() throws IOException {
        Files.writeString(dir.resolve("shop.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  labels: {clusterproof.io/scope: cde}
                """);
    }

    @Test
    void a_new_cluster_does_not_inherit_a_cluster_scoped_attestation() {
        var ref = attestationRef(0);
        var first = clusters.manifests("scoped", dir);
        var recorded = attest(ref, AttestationScope.clusters(Set.of(first.id())));
        var later = clusters.manifests("later", dir);

        assertThat(recorded.organisationWide()).isFalse();
        assertThat(recorded.scope()).isEqualTo(first.name());
        assertThat(status(first, ref)).isEqualTo(ControlStatus.ATTESTED);
        assertThat(status(later, ref)).isEqualTo(ControlStatus.NEEDS_ATTESTATION);
        var now = Clock.systemUTC().instant();
        assertThat(rules.at(first.id(), now).attestationFor(PCI, ref)).isEqualTo(recorded.id());
        assertThat(rules.at(later.id(), now).attestationFor(PCI, ref)).isNull();
    }

    @Test
    void an_organisation_wide_attestation_covers_clusters_registered_after_it() {
        var ref = attestationRef(1);
        var recorded = attest(ref, AttestationScope.organisation());
        var later = clusters.manifests("org-later", dir);

        assertThat(recorded.scope()).isEqualTo("every cluster (organisation-wide)");
        assertThat(status(later, ref)).isEqualTo(ControlStatus.ATTESTED);
    }

    @Test
    void a_cluster_scope_names_clusters_that_exist() {
        var ref = attestationRef(2);

        assertThatThrownBy(() -> attest(ref, AttestationScope.clusters(Set.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Choose the clusters");
        assertThatThrownBy(() -> attest(ref, AttestationScope.clusters(Set.of(987_654L))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no cluster #987654");
    }

    @Test
    void attestations_recorded_before_scopes_stay_organisation_wide_with_a_note_in_the_audit_log() {
        var ref = attestationRef(3);
        var old = attest(ref, AttestationScope.organisation());
        jdbc.update("update attestation set scope_note_pending = true where id = ?", old.id());

        notes.notePending();
        notes.notePending();

        var entries = migrationNotes(old.id());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.after()).isEqualTo("scope=organisation");
        });
        assertThat(attestations.all())
                .filteredOn(a -> a.id() == old.id())
                .singleElement()
                .satisfies(a -> assertThat(a.organisationWide()).isTrue());
    }

    private List<AuditRecord> migrationNotes(long id) {
        return AsAdmin.admin(() -> auditLog.find(
                        new AuditQuery(null, "ATTESTATION_SCOPE_MIGRATED", "attestation", null, null, null),
                        Pageable.ofSize(200)))
                .getContent()
                .stream()
                .filter(e -> String.valueOf(id).equals(e.targetId()))
                .toList();
    }

    private AttestationSummary attest(String ref, AttestationScope scope) {
        return AsAdmin.as(
                "officer-scope",
                "OFFICER",
                () -> attestations.record(
                        PCI,
                        ref,
                        scope,
                        "The documented procedure was reviewed this quarter.",
                        "https://docs.example/procedure",
                        null,
                        null));
    }

    private ControlStatus status(ClusterSummary cluster, String ref) {
        var assessment = clusters.latestAssessment(clusters.collect(cluster).snapshotId());
        return assessments.control(assessment, PCI, ref).orElseThrow().status();
    }

    /** Attestation controls of PCI no other test attests, one per test. */
    private String attestationRef(int index) {
        var refs = catalog.framework(PCI).orElseThrow().controls().stream()
                .filter(c -> c.type() == io.clusterproof.catalog.ControlType.ATTESTATION)
                .map(ControlDefinition::ref)
                .filter(r -> !r.equals("12.10.1") && !r.equals("12.6.1"))
                .toList();
        return refs.get(refs.size() - 1 - index);
    }
}
