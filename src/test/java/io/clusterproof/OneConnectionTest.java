package io.clusterproof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterproof.snapshot.TestClusters;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * No thread ever holds two pooled connections at once, so the work that follows a collection
 * (assessment, remediation follow-up, regression check, posture gauges) finishes with one
 * connection left in the pool. A listener that kept a connection open for a transaction of its own
 * while its work ran in new transactions needed two: with as many such listeners at once as the
 * pool has connections (fifty agents pushing to a pool of ten), each held one and waited for a
 * second until they all timed out, and the snapshots stayed unassessed.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.hikari.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=10000"
        })
class OneConnectionTest {

    private static final Path DEMO = Path.of("src/main/resources/demo/cluster");

    @Autowired
    TestClusters clusters;

    @Autowired
    DataSource dataSource;

    @Test
    void a_collection_is_assessed_and_followed_up_with_one_connection_left_in_the_pool() throws SQLException {
        var cluster = clusters.manifests("one-connection", DEMO);

        try (var held = dataSource.getConnection()) {
            // the test watches through the connection it holds; the application has the other one
            var watch = new JdbcTemplate(new SingleConnectionDataSource(held, true));
            for (int round = 1; round <= 2; round++) {
                var run = clusters.collect(cluster);
                assertThat(run.snapshotId()).isNotNull();
                int assessments = round;
                await("assessment and follow-up " + round + " of " + cluster.name())
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> watch.queryForObject(
                                        "select count(*) from assessment a join remediation_cursor c"
                                                + " on c.cluster_id = a.cluster_id and c.last_assessment_id >= a.id"
                                                + " where a.cluster_id = ? and a.lineage = 0",
                                        Integer.class,
                                        cluster.id())
                                == assessments);
            }
            assertThat(watch.queryForObject(
                            "select count(*) from remediation_item where cluster_id = ? and status = 'OPEN'",
                            Integer.class,
                            cluster.id()))
                    .isPositive();
        }
    }
}
