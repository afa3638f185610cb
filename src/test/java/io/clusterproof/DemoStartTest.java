package io.clusterproof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the README's run command shows a newcomer: the demo cluster collected with its history and
 * assessed, remediation items, waivers in each state, attestations and work in progress.
 */
class DemoStartTest {

    @TempDir
    Path directory;

    @Test
    void the_demo_profile_starts_with_a_populated_cluster() {
        try (var context = new SpringApplicationBuilder(ClusterProofApplication.class)
                .profiles("demo")
                // arguments outrank every profile file, so this database is used even in the PostgreSQL pass
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--clusterproof.demo.history-days=3",
                        "--clusterproof.demo.directory=" + directory)) {
            var jdbc = context.getBean(JdbcTemplate.class);

            await("the demo's attestations")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(jdbc, "select count(*) from attestation") == 2);
            await("an engineer's work in progress")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> count(jdbc, "select count(*) from remediation_item where status = 'IN_PROGRESS'") > 0);
            assertThat(jdbc.queryForList(
                            "select concat(check_id, ' ', kind, ' ', namespace, '/', name, ' ', status) from remediation_item"
                                    + " where status not in ('OPEN', 'RISK_ACCEPTED')",
                            String.class))
                    .containsExactly("image-registry-not-allowed StatefulSet payments/payments-db IN_PROGRESS");

            assertThat(jdbc.queryForList(
                            "select concat(username, ' ', role) from user_account where demo = true order by username",
                            String.class))
                    .containsExactly(
                            "auditor AUDITOR",
                            "demo-admin ADMIN",
                            "engineer ENGINEER",
                            "engineer2 ENGINEER",
                            "officer OFFICER",
                            "officer2 OFFICER");
            assertThat(jdbc.queryForList(
                            "select concat(actor, ' ', action) from audit_entry where action in"
                                    + " ('CLUSTER_REGISTERED', 'SNAPSHOT_BACKFILLED') order by id",
                            String.class))
                    .containsExactly(
                            "demo CLUSTER_REGISTERED",
                            "demo SNAPSHOT_BACKFILLED",
                            "demo SNAPSHOT_BACKFILLED",
                            "demo SNAPSHOT_BACKFILLED");
            assertThat(count(jdbc, "select count(*) from snapshot")).isEqualTo(4);
            assertThat(count(jdbc, "select count(*) from assessment where lineage = 0"))
                    .isGreaterThanOrEqualTo(4);
            assertThat(count(jdbc, "select count(*) from remediation_item where status = 'OPEN'"))
                    .isGreaterThan(50);
            assertThat(jdbc.queryForList("select status from waiver order by id", String.class))
                    .containsExactly("APPROVED", "APPROVED", "REQUESTED");
            await("the approved waiver accepted its item's risk")
                    .atMost(Duration.ofSeconds(60))
                    .until(() ->
                            count(jdbc, "select count(*) from remediation_item where status = 'RISK_ACCEPTED'") >= 1);
            assertThat(jdbc.queryForList(
                            "select actor from audit_entry where action like 'WAIVER_%' order by id", String.class))
                    .containsExactly("engineer", "officer", "engineer", "officer", "engineer2");

            await("the weekly schedule's first pack for every framework")
                    .atMost(Duration.ofSeconds(120))
                    .until(() -> count(jdbc, "select count(*) from evidence_pack") == 3);
            assertThat(jdbc.queryForList("select name from evidence_schedule", String.class))
                    .containsExactly("Weekly evidence");
            assertThat(jdbc.queryForList(
                            "select concat(actor, ' ', action) from audit_entry where action like 'EVIDENCE_SCHEDULE_%'"
                                    + " order by id",
                            String.class))
                    .containsExactly("demo-admin EVIDENCE_SCHEDULE_CREATED", "demo-admin EVIDENCE_SCHEDULE_RUN");
        }
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
