package io.clusterproof.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.snapshot.ListPageServer;
import io.clusterproof.snapshot.RunStatus;
import io.clusterproof.snapshot.SnapshotProperties;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.SyntheticCluster;
import java.nio.file.Path;
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
}
