package io.clusterproof.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.access.AuditLog;
import io.clusterproof.access.AuditQuery;
import io.clusterproof.access.AuditRecord;
import io.clusterproof.assessment.DriftLinks;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.ShopManifests;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

/** Audit baselines: who may mark and remove them, the audit trail, and "since baseline". */
@IntegrationTest
class BaselineTest {

    @Autowired
    TestClusters clusters;

    @Autowired
    BaselineService baselines;

    @Autowired
    DriftService drift;

    @Autowired
    DriftLinks links;

    @Autowired
    AuditLog auditLog;

    @TempDir
    Path dir;

    private ClusterSummary cluster;
    private long audited;
    private long latest;

    @BeforeEach
    void twoSnapshots() {
        ShopManifests.BEFORE.write(dir, false);
        cluster = clusters.manifests("baseline", dir);
        audited = clusters.collect(cluster).snapshotId();
        ShopManifests.AFTER.write(dir, false);
        latest = clusters.collect(cluster).snapshotId();
    }

    @Test
    void an_officer_or_an_administrator_marks_a_baseline_and_the_audit_log_says_who() {
        var pci = AsAdmin.as("olivia", "OFFICER", () -> baselines.mark(audited, " PCI audit Q3 2026 ", "scope: cde"));
        var hipaa = AsAdmin.as("adam", "ADMIN", () -> baselines.mark(latest, "HIPAA review 2026", null));

        assertThat(pci.name()).isEqualTo("PCI audit Q3 2026");
        assertThat(pci.markedBy()).isEqualTo("olivia");
        assertThat(pci.snapshotId()).isEqualTo(audited);
        assertThat(baselines.list(cluster.id()))
                .extracting(BaselineSummary::name)
                .containsExactly("HIPAA review 2026", "PCI audit Q3 2026");
        assertThat(entries("BASELINE_MARKED"))
                .filteredOn(e -> String.valueOf(pci.id()).equals(e.targetId()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("olivia");
                    assertThat(e.after()).contains("PCI audit Q3 2026").contains("snapshot #" + audited);
                });
        assertThat(entries("BASELINE_MARKED"))
                .anyMatch(e -> String.valueOf(hipaa.id()).equals(e.targetId())
                        && e.actor().equals("adam"));
    }

    @Test
    void an_auditor_or_an_engineer_cannot_mark_or_remove_a_baseline() {
        var baseline = AsAdmin.as("olivia", "OFFICER", () -> baselines.mark(audited, "SOC review", null));

        assertThatThrownBy(() -> AsAdmin.as("aude", "AUDITOR", () -> baselines.mark(audited, "mine", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsAdmin.as("eddie", "ENGINEER", () -> baselines.mark(audited, "mine", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsAdmin.as("aude", "AUDITOR", () -> {
                    baselines.remove(baseline.id());
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsAdmin.as("eddie", "ENGINEER", () -> {
                    baselines.remove(baseline.id());
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(baselines.list(cluster.id()))
                .extracting(BaselineSummary::name)
                .containsExactly("SOC review");
    }

    @Test
    void a_name_is_unique_per_cluster_whatever_its_case_and_not_blank() {
        AsAdmin.as("olivia", "OFFICER", () -> baselines.mark(audited, "Q3 audit", null));

        assertThatThrownBy(() -> AsAdmin.as("olivia", "OFFICER", () -> baselines.mark(latest, "q3 AUDIT", null)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("already has a baseline named");
        assertThatThrownBy(() -> AsAdmin.as("olivia", "OFFICER", () -> baselines.mark(latest, "  ", null)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Give the baseline a name");
        assertThatThrownBy(() -> AsAdmin.as("olivia", "OFFICER", () -> baselines.mark(-5, "x", null)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void removing_a_baseline_is_audited_and_keeps_the_snapshot() {
        var baseline = AsAdmin.as("olivia", "OFFICER", () -> baselines.mark(audited, "Old audit", "first one"));

        AsAdmin.as("oscar", "OFFICER", () -> {
            baselines.remove(baseline.id());
            return null;
        });

        assertThat(baselines.list(cluster.id())).isEmpty();
        assertThat(entries("BASELINE_REMOVED"))
                .filteredOn(e -> String.valueOf(baseline.id()).equals(e.targetId()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("oscar");
                    assertThat(e.before()).contains("Old audit").contains("first one");
                    assertThat(e.after()).isNull();
                });
        assertThat(drift.summary(audited, latest).total()).isPositive();
    }

    @Test
    void since_baseline_compares_the_baseline_with_the_latest_snapshot_one_click_from_the_dashboard() {
        var baseline = AsAdmin.as("olivia", "OFFICER", () -> baselines.mark(audited, "PCI audit Q3 2026", null));

        var link = links.forCluster(cluster.id()).get(0);

        assertThat(link.label()).isEqualTo("Since baseline \u201cPCI audit Q3 2026\u201d");
        assertThat(link.path()).isEqualTo("drift?cluster=" + cluster.id() + "&baseline=" + baseline.id());
        assertThat(baselines.current(cluster.id()))
                .map(BaselineSummary::snapshotId)
                .contains(audited);
        assertThat(drift.summary(baseline.snapshotId(), latest).total()).isEqualTo(4);
    }

    private List<AuditRecord> entries(String action) {
        return AsAdmin.admin(() ->
                        auditLog.find(new AuditQuery(null, action, "baseline", null, null, null), Pageable.ofSize(500)))
                .getContent();
    }
}
