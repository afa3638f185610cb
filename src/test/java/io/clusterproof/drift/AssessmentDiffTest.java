package io.clusterproof.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentService;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.base.SqlTime;
import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.ShopManifests;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** How posture moved between two assessments: finding categories, control statuses, score deltas. */
@IntegrationTest
class AssessmentDiffTest {

    static final ResourceKey API = new ResourceKey("apps", "Deployment", "shop", "api");

    @Autowired
    TestClusters clusters;

    @Autowired
    DriftService drift;

    @Autowired
    FindingChanges findingChanges;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AssessmentService assessmentService;

    @Autowired
    AssessmentQueries assessments;

    @TempDir
    Path dir;

    @Test
    void a_container_turned_privileged_newly_fails_lowers_the_scores_and_fails_its_controls_and_is_fixed_later() {
        ShopManifests.BEFORE.write(dir, false);
        var cluster = clusters.manifests("drift-posture", dir);
        var clean = collectAndAssess(cluster);
        ShopManifests.BEFORE.write(dir, true);
        var privileged = collectAndAssess(cluster);
        ShopManifests.BEFORE.write(dir, false);
        var fixed = collectAndAssess(cluster);

        var worse = drift.assessmentDiff(clean, privileged).orElseThrow();

        assertThat(worse.count(FindingChangeCategory.NEWLY_FAILING)).isEqualTo(1);
        assertThat(worse.count(FindingChangeCategory.FIXED)).isZero();
        assertThat(drift.findingChanges(worse, FindingChangeCategory.NEWLY_FAILING, 0, 10))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.checkId()).isEqualTo("privileged-container");
                    assertThat(f.resource()).isEqualTo(API);
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.from()).isEqualTo(FindingStatus.PASS);
                    assertThat(f.to()).isEqualTo(FindingStatus.FAIL);
                });
        assertThat(worse.scores())
                .filteredOn(d -> d.type() == ScoreDelta.ScoreType.RESOURCE)
                .as("one resource-check more fails, nothing else moved")
                .allMatch(d -> d.delta() <= 0)
                .anyMatch(d -> d.delta() < 0);
        assertThat(worse.scores()).hasSize(6);
        assertThat(worse.controls())
                .as("its controls fail already for other reasons")
                .isEmpty();
        assertThat(drift.findingChangesOf(worse, List.of(API)).get(API))
                .extracting(FindingChange::category)
                .containsExactly(FindingChangeCategory.NEWLY_FAILING);

        var better = drift.assessmentDiff(privileged, fixed).orElseThrow();

        assertThat(drift.findingChanges(better, null, 0, 10))
                .extracting(FindingChange::category, FindingChange::checkId, FindingChange::message)
                .containsExactly(tuple(
                        FindingChangeCategory.FIXED,
                        "privileged-container",
                        drift.findingChanges(worse, null, 0, 1).get(0).message()));
        assertThat(drift.assessmentDiff(clean, fixed).orElseThrow().findingCounts())
                .as("back where it started")
                .isEmpty();
    }

    @Test
    void findings_are_sorted_into_categories_whatever_status_they_come_from() {
        ShopManifests.BEFORE.write(dir, false);
        var cluster = clusters.manifests("drift-categories", dir);
        long from = 900_001;
        long to = 900_002;
        finding(cluster, "r1", "PASS", from, from);
        finding(cluster, "r1", "WAIVED", to, null);
        finding(cluster, "r2", "PASS", from, from);
        finding(cluster, "r2", "UNKNOWN", to, null);
        finding(cluster, "r3", "PASS", from, from);
        finding(cluster, "r3", "ERROR", to, null);
        finding(cluster, "r4", "FAIL", from, from); // resource gone
        finding(cluster, "r5", "FAIL", to, null); // new resource
        finding(cluster, "r6", "FAIL", from, null); // unchanged
        finding(cluster, "r7", "FAIL", from, from); // still failing, message changed
        finding(cluster, "r7", "FAIL", to, null);
        finding(cluster, "r8", "UNKNOWN", from, from); // known now, passing: nothing to act on
        finding(cluster, "r8", "PASS", to, null);
        finding(cluster, "r9", "WAIVED", from, from); // the waiver ended
        finding(cluster, "r9", "FAIL", to, null);
        finding(cluster, "r10", "FAIL", from, from);
        finding(cluster, "r10", "NOT_APPLICABLE", to, null);

        var changes = findingChanges.page(cluster.id(), from, to, null, Set.of(), null, 0, 100);

        assertThat(changes)
                .extracting(f -> f.resource().name(), FindingChange::category, FindingChange::from, FindingChange::to)
                .containsExactlyInAnyOrder(
                        tuple("r1", FindingChangeCategory.NEWLY_WAIVED, FindingStatus.PASS, FindingStatus.WAIVED),
                        tuple("r2", FindingChangeCategory.NEWLY_UNKNOWN, FindingStatus.PASS, FindingStatus.UNKNOWN),
                        tuple("r3", FindingChangeCategory.NEWLY_ERROR, FindingStatus.PASS, FindingStatus.ERROR),
                        tuple("r4", FindingChangeCategory.FIXED, FindingStatus.FAIL, null),
                        tuple("r5", FindingChangeCategory.NEWLY_FAILING, null, FindingStatus.FAIL),
                        tuple("r9", FindingChangeCategory.NEWLY_FAILING, FindingStatus.WAIVED, FindingStatus.FAIL),
                        tuple("r10", FindingChangeCategory.FIXED, FindingStatus.FAIL, FindingStatus.NOT_APPLICABLE));
        assertThat(changes.get(0).category()).as("worst first").isEqualTo(FindingChangeCategory.NEWLY_FAILING);
        assertThat(findingChanges.counts(cluster.id(), from, to))
                .containsEntry(FindingChangeCategory.NEWLY_FAILING, 2)
                .containsEntry(FindingChangeCategory.FIXED, 2)
                .containsEntry(FindingChangeCategory.NEWLY_WAIVED, 1)
                .containsEntry(FindingChangeCategory.NEWLY_UNKNOWN, 1)
                .containsEntry(FindingChangeCategory.NEWLY_ERROR, 1);
        assertThat(findingChanges.page(
                        cluster.id(),
                        from,
                        to,
                        FindingChangeCategory.NEWLY_FAILING,
                        Set.of(Severity.CRITICAL),
                        null,
                        0,
                        10))
                .extracting(f -> f.resource().name())
                .containsExactly("r5");
        assertThat(findingChanges.page(cluster.id(), to, from, null, Set.of(), null, 0, 100))
                .as("backwards")
                .extracting(f -> f.resource().name(), FindingChange::category)
                .contains(
                        tuple("r5", FindingChangeCategory.FIXED),
                        tuple("r4", FindingChangeCategory.NEWLY_FAILING),
                        tuple("r9", FindingChangeCategory.NEWLY_WAIVED));
    }

    @Test
    void only_findings_that_opened_or_closed_between_two_assessments_of_a_long_history_move() {
        ShopManifests.BEFORE.write(dir, false);
        var cluster = clusters.manifests("drift-history", dir);
        long from = 910_010L;
        long to = 910_020L;
        finding(cluster, "h1", "FAIL", 910_001L, null); // failing all along
        finding(cluster, "h2", "FAIL", 910_001L, 910_014L); // fixed in between
        finding(cluster, "h2", "PASS", 910_015L, null);
        finding(cluster, "h3", "FAIL", 910_012L, 910_013L); // came and went in between
        finding(cluster, "h4", "PASS", 910_002L, 910_019L, ",gdpr,"); // failing from the last assessment on
        finding(cluster, "h4", "FAIL", 910_020L, null, ",gdpr,pci-dss-4.0,");
        finding(cluster, "h7", "FAIL", 910_004L, 910_016L, ",pci-dss-4.0,"); // gone in between: counted as before
        finding(cluster, "h8", "PASS", 910_005L, 910_017L, ",pci-dss-4.0,"); // failing now, for GDPR only
        finding(cluster, "h8", "FAIL", 910_018L, null, ",gdpr,");
        finding(cluster, "h5", "FAIL", 910_003L, 910_009L); // fixed before the first
        finding(cluster, "h5", "PASS", 910_010L, 910_030L); // and gone after the last
        finding(cluster, "h6", "FAIL", 910_021L, null); // new after the last

        assertThat(findingChanges.page(cluster.id(), from, to, null, Set.of(), null, 0, 100))
                .extracting(f -> f.resource().name(), FindingChange::category)
                .containsExactlyInAnyOrder(
                        tuple("h4", FindingChangeCategory.NEWLY_FAILING),
                        tuple("h8", FindingChangeCategory.NEWLY_FAILING),
                        tuple("h2", FindingChangeCategory.FIXED),
                        tuple("h7", FindingChangeCategory.FIXED));
        assertThat(findingChanges.page(cluster.id(), to, from, null, Set.of(), null, 0, 100))
                .as("backwards")
                .extracting(f -> f.resource().name(), FindingChange::category)
                .containsExactlyInAnyOrder(
                        tuple("h2", FindingChangeCategory.NEWLY_FAILING),
                        tuple("h7", FindingChangeCategory.NEWLY_FAILING),
                        tuple("h4", FindingChangeCategory.FIXED),
                        tuple("h8", FindingChangeCategory.FIXED));
        assertThat(findingChanges.page(cluster.id(), from, to, null, Set.of(), "pci-dss-4.0", 0, 100))
                .as("the moves that count for PCI DSS as the findings stand now, or stood when gone")
                .extracting(f -> f.resource().name())
                .containsExactlyInAnyOrder("h4", "h7");
        assertThat(findingChanges.counts(cluster.id(), from, to, "pci-dss-4.0"))
                .containsEntry(FindingChangeCategory.NEWLY_FAILING, 1)
                .containsEntry(FindingChangeCategory.FIXED, 1);
        assertThat(findingChanges.page(cluster.id(), from, from, null, Set.of(), null, 0, 100))
                .as("an assessment against itself")
                .isEmpty();
    }

    @Test
    void a_control_whose_status_moved_is_listed_with_both_statuses() {
        ShopManifests.BEFORE.write(dir, false);
        var cluster = clusters.manifests("drift-controls", dir);
        var first = collectAndAssess(cluster);
        var second = collectAndAssess(cluster);
        var assessment = drift.assessmentOf(second).orElseThrow().id();
        var passing = jdbc.queryForMap(
                "select framework_id, control_ref from control_result where assessment_id = ? and status = 'PASS' "
                        + "order by framework_id, control_ref fetch first 1 rows only",
                assessment);
        jdbc.update(
                "update control_result set status = 'FAIL' where assessment_id = ? and framework_id = ? and control_ref = ?",
                assessment,
                passing.get("framework_id"),
                passing.get("control_ref"));

        var diff = drift.assessmentDiff(first, second).orElseThrow();

        assertThat(diff.controls()).singleElement().satisfies(c -> {
            assertThat(c.frameworkId()).isEqualTo(passing.get("framework_id"));
            assertThat(c.ref()).isEqualTo(passing.get("control_ref"));
            assertThat(c.from()).isEqualTo(ControlStatus.PASS);
            assertThat(c.to()).isEqualTo(ControlStatus.FAIL);
            assertThat(c.worse()).isTrue();
        });
        assertThat(drift.assessmentDiff(second, first).orElseThrow().controls())
                .singleElement()
                .satisfies(c -> assertThat(c.worse()).isFalse());
    }

    @Test
    void a_snapshot_assessed_again_compares_by_its_latest_assessment() {
        ShopManifests.BEFORE.write(dir, false);
        var cluster = clusters.manifests("drift-refreshed", dir);
        var snapshot = collectAndAssess(cluster);
        var first = drift.assessmentOf(snapshot).orElseThrow().id();

        assessmentService.refresh(cluster.id());

        var latest = jdbc.queryForObject(
                "select max(id) from assessment where snapshot_id = ? and lineage = 0", Long.class, snapshot);
        assertThat(latest).isGreaterThan(first);
        assertThat(assessments.forSnapshot(snapshot).orElseThrow().id()).isEqualTo(latest);
        assertThat(drift.assessmentOf(snapshot).orElseThrow().id()).isEqualTo(latest);
    }

    private long collectAndAssess(ClusterSummary cluster) {
        var snapshot = clusters.collect(cluster).snapshotId();
        clusters.awaitAssessed(snapshot);
        return snapshot;
    }

    /** r5 is critical, everything else medium. */
    private void finding(ClusterSummary cluster, String name, String status, long validFrom, @Nullable Long validTo) {
        finding(cluster, name, status, validFrom, validTo, ",");
    }

    private void finding(
            ClusterSummary cluster,
            String name,
            String status,
            long validFrom,
            @Nullable Long validTo,
            String frameworks) {
        jdbc.update(
                """
                insert into finding_state (cluster_id, lineage, check_id, api_group, kind, namespace, name, api_version,
                    status, severity, message, paths, frameworks, digest, waiver_id, first_seen_at, valid_from, valid_to)
                values (?, 0, 'some-check', 'apps', 'Deployment', 'shop', ?, 'apps/v1', ?, ?, ?, '', ?, 'd', null, ?, ?, ?)
                """,
                cluster.id(),
                name,
                status,
                name.equals("r5") ? "CRITICAL" : "MEDIUM",
                name + " is " + status + " from " + validFrom,
                frameworks,
                SqlTime.of(Instant.parse("2026-11-01T00:00:00Z")),
                validFrom,
                validTo);
    }
}
