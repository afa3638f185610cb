package io.clusterproof.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.ListPageServer;
import io.clusterproof.snapshot.RunStatus;
import io.clusterproof.snapshot.SnapshotProperties;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.SyntheticCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The follow-up of an assessment with more failing findings than any one page holds: every one
 * gets its item, read in one pass over the findings as they stream from the database.
 */
@IntegrationTest
class RemediationAtScaleTest {

    @Autowired
    TestClusters clusters;

    @Autowired
    SnapshotProperties properties;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void every_failing_finding_of_a_large_assessment_gets_its_item() throws Exception {
        try (var api = new ListPageServer(new SyntheticCluster(10, 40, 3).objects(), properties.pageSize())) {
            var cluster = clusters.kubeconfig("remediation-scale", api.kubeconfig(dir));
            var run = clusters.collect(cluster);
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            var assessment = clusters.latestAssessment(run.snapshotId());
            clusters.awaitFollowedUp(run.snapshotId(), Duration.ofMinutes(5));

            var failing = assessments.countFindings(
                    assessment, FindingFilter.all().withStatuses(EnumSet.of(FindingStatus.FAIL, FindingStatus.WAIVED)));
            assertThat(failing).as("more failing findings than a page of 1,000").isGreaterThan(2_000);
            var items = jdbc.queryForObject(
                    "select count(*) from remediation_item where cluster_id = ?", Long.class, cluster.id());
            var distinct = jdbc.queryForObject(
                    "select count(*) from (select distinct check_id, api_group, kind, namespace, name"
                            + " from remediation_item where cluster_id = ?) d",
                    Long.class,
                    cluster.id());
            assertThat(items).isEqualTo(failing).isEqualTo(distinct);
        }
    }

    /**
     * A rollout gives every deployment a new pod template and makes other workloads weak: the
     * items of the workloads made safe are resolved as passing, and one item stays open per finding
     * still failing. More items wait than one lookup by name takes, across many checks, so the
     * follow-up finds their outcomes in its one pass over the assessment.
     */
    @Test
    void a_rollout_resolves_the_items_of_workloads_made_safe_and_keeps_the_rest_open() throws Exception {
        var release1 = new SyntheticCluster(10, 70, 1);
        var kubeconfig = dir.resolve("kubeconfig");
        ClusterSummary cluster;
        try (var api = new ListPageServer(release1.objects(), properties.pageSize())) {
            Files.copy(api.kubeconfig(dir), kubeconfig, StandardCopyOption.REPLACE_EXISTING);
            cluster = clusters.kubeconfig("remediation-rollout", kubeconfig);
            clusters.awaitFollowedUp(clusters.collect(cluster).snapshotId(), Duration.ofMinutes(5));
        }
        long snapshotId;
        try (var api = new ListPageServer(release1.release(2).objects(), properties.pageSize())) {
            Files.copy(api.kubeconfig(dir), kubeconfig, StandardCopyOption.REPLACE_EXISTING);
            var run = clusters.collect(cluster);
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            snapshotId = run.snapshotId();
            clusters.awaitFollowedUp(snapshotId, Duration.ofMinutes(5));
        }

        var passing = jdbc.queryForObject(
                "select count(*) from remediation_item i where i.cluster_id = ? and i.status = 'RESOLVED'"
                        + " and exists (select 1 from remediation_event e where e.item_id = i.id"
                        + " and e.to_status = 'RESOLVED' and e.text like 'passes in %')",
                Long.class, cluster.id());
        assertThat(passing)
                .as("items of workloads no longer weak, more than one lookup by name takes")
                .isGreaterThan(500L);
        var failing = assessments.countFindings(
                clusters.latestAssessment(snapshotId),
                FindingFilter.all().withStatuses(EnumSet.of(FindingStatus.FAIL)));
        assertThat(jdbc.queryForObject(
                        "select count(*) from remediation_item where cluster_id = ? and status in ('OPEN', 'REOPENED')",
                        Long.class,
                        cluster.id()))
                .as("one open item per finding failing after the rollout, none left over")
                .isEqualTo(failing);
    }
}
