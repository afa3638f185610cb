package io.clusterproof.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stored latest posture of a cluster (the fleet dashboard reads it) against the raw tables:
 * it names the newest main-lineage assessment after a history, a new collection and a refresh,
 * and a re-assessment of an older snapshot leaves it alone.
 */
@IntegrationTest
class LatestPostureTest {

    static final Path DEMO = Path.of("src/main/resources/demo/cluster");
    static final int DAYS = 90;

    private static ClusterSummary cluster;

    @Autowired
    TestClusters clusters;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    AssessmentService service;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void storeNinetyDaysOnce() {
        if (cluster == null) {
            cluster = clusters.manifests("latest-posture", DEMO);
            clusters.history(cluster, DEMO.toAbsolutePath(), DAYS, Duration.ofMinutes(10));
        }
    }

    @Test
    void ninety_days_of_history_give_the_same_latest_figures_from_the_aggregate_as_from_the_raw_tables() {
        var raw = newestMainLineage();
        assertThat(jdbc.queryForObject(
                        "select count(*) from assessment where cluster_id = ? and lineage = 0",
                        Integer.class,
                        cluster.id()))
                .isGreaterThanOrEqualTo(DAYS);

        assertThat(assessments.latest(cluster.id()).map(AssessmentSummary::id)).contains(raw);
        var posture = assessments.latestPostures(List.of(cluster.id())).get(cluster.id());
        assertThat(posture).isNotNull();
        assertThat(posture.assessment().id()).isEqualTo(raw);
        assertThat(posture.scores()).hasSize(3).isEqualTo(assessments.scores(raw));
        assertThat(storedPosture()).isEqualTo(raw);
    }

    @Test
    void a_new_collection_and_a_refresh_each_supersede_the_stored_latest_posture() {
        var before = newestMainLineage();

        var run = clusters.collectAndAssess(cluster);
        var collected = clusters.latestAssessment(Objects.requireNonNull(run.snapshotId()));
        assertThat(collected).isGreaterThan(before);
        assertThat(assessments.latest(cluster.id()).map(AssessmentSummary::id)).contains(collected);
        assertThat(assessments
                        .latestPostures(List.of(cluster.id()))
                        .get(cluster.id())
                        .scores())
                .isEqualTo(assessments.scores(collected));

        AsAdmin.admin(() -> service.refresh(cluster.id()));
        var refreshed = newestMainLineage();
        assertThat(refreshed).isGreaterThan(collected);
        assertThat(storedPosture()).isEqualTo(refreshed);
        assertThat(assessments.latest(cluster.id()).map(AssessmentSummary::id)).contains(refreshed);
    }

    @Test
    void a_reassessment_of_an_older_snapshot_leaves_the_stored_latest_posture_alone() {
        var latest = newestMainLineage();
        var oldest = jdbc.queryForObject(
                "select min(snapshot_id) from assessment where cluster_id = ?", Long.class, cluster.id());

        var reassessed = AsAdmin.admin(() -> service.reassess(Objects.requireNonNull(oldest)));

        assertThat(reassessed).isGreaterThan(latest);
        assertThat(storedPosture()).isEqualTo(latest);
        assertThat(assessments.latest(cluster.id()).map(AssessmentSummary::id)).contains(latest);
    }

    private long newestMainLineage() {
        return Objects.requireNonNull(jdbc.queryForObject(
                "select max(id) from assessment where cluster_id = ? and lineage = 0", Long.class, cluster.id()));
    }

    private long storedPosture() {
        return Objects.requireNonNull(jdbc.queryForObject(
                "select assessment_id from cluster_posture where cluster_id = ?", Long.class, cluster.id()));
    }
}
