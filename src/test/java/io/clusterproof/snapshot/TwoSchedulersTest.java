package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterproof.ClusterProofApplication;
import io.clusterproof.support.AsAdmin;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two application instances on one database, both scheduling every 100 ms: each due collection
 * starts exactly once. On the embedded default they share a named in-memory H2 database; in the
 * PostgreSQL pass they share the CI database.
 */
class TwoSchedulersTest {

    private static final Path DEMO = Path.of("src/main/resources/demo/cluster");

    @Test
    void two_instances_on_one_database_start_each_due_collection_once() {
        var args = new ArrayList<>(List.of(
                "--server.port=0",
                "--clusterproof.snapshot.scheduler-interval=100ms",
                "--clusterproof.snapshot.scheduler-initial-delay=0s",
                "--clusterproof.access.admin-password=test-admin-passphrase-7"));
        if (!System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", "").contains("postgres")) {
            args.add("--spring.datasource.url=jdbc:h2:mem:twins-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        try (var first = start(args);
                var second = start(args)) {
            // Vaadin's security-context strategy is per context: sign in through the first one
            SecurityContextHolder.setContextHolderStrategy(first.getBean(SecurityContextHolderStrategy.class));
            var cluster = AsAdmin.admin(() -> first.getBean(ClusterService.class)
                    .register(new ClusterDefinition(
                            "twins-" + UUID.randomUUID().toString().substring(0, 8),
                            null,
                            "test",
                            null,
                            null,
                            SourceType.MANIFESTS,
                            null,
                            null,
                            DEMO.toAbsolutePath().toString(),
                            "0 0 2 * * *",
                            true)));
            var jdbc = second.getBean(JdbcTemplate.class);

            for (int round = 1; round <= 3; round++) {
                jdbc.update(
                        "update cluster set next_run_at = ? where id = ?",
                        Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))),
                        cluster.id());
                int expected = round;
                await("scheduled run " + round)
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> finishedScheduledRuns(jdbc, cluster.id()) == expected);
                await("no second run for round " + round)
                        .during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> scheduledRuns(jdbc, cluster.id()) == expected);
            }

            assertThat(jdbc.queryForObject(
                            "select count(distinct snapshot_id) from collection_run where cluster_id = ?",
                            Integer.class,
                            cluster.id()))
                    .isEqualTo(3);
        }
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(ClusterProofApplication.class).run(args.toArray(String[]::new));
    }

    private static int scheduledRuns(JdbcTemplate jdbc, long clusterId) {
        return jdbc.queryForObject(
                "select count(*) from collection_run where cluster_id = ? and run_trigger = 'SCHEDULE'",
                Integer.class,
                clusterId);
    }

    private static int finishedScheduledRuns(JdbcTemplate jdbc, long clusterId) {
        return jdbc.queryForObject(
                "select count(*) from collection_run where cluster_id = ? and run_trigger = 'SCHEDULE'"
                        + " and status <> 'RUNNING'",
                Integer.class,
                clusterId);
    }
}
