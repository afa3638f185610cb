package io.clusterproof.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.access.AuditLog;
import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotStatus;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.WebIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fifty agents pushing at once to one server, on its real database (H2, or PostgreSQL with the
 * {@code postgres} profile): most of their bodies are the same, so pushes race to store the same
 * body, and every push ends with a snapshot.
 */
@WebIntegrationTest
class AgentFleetTest {

    static final int AGENTS = 50;

    @LocalServerPort
    int port;

    @Autowired
    TestClusters clusters;

    @Autowired
    AgentService agents;

    @Autowired
    SnapshotReader snapshots;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path directory;

    @Test
    void fifty_agents_pushing_at_once_each_store_a_complete_snapshot() throws Exception {
        try (var fleet = new AgentFleet("http://127.0.0.1:" + port, clusters, agents, directory, AGENTS, 5)) {

            var outcome = fleet.pushAll();

            System.out.printf(
                    "%d agents pushed in %.1f s%n", AGENTS, outcome.wall().toNanos() / 1e9);
            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.snapshotIds()).hasSize(AGENTS).doesNotHaveDuplicates();
            var digests = new HashMap<Integer, String>();
            for (var member : fleet.members()) {
                var stored = snapshots
                        .list(member.cluster().id(), PageRequest.of(0, 5))
                        .getContent();
                assertThat(stored).as(member.cluster().name()).hasSize(1);
                var snapshot = stored.get(0);
                assertThat(snapshot.status()).isEqualTo(SnapshotStatus.COMPLETE);
                assertThat(snapshot.objects()).isEqualTo(member.objects());
                assertThat(jdbc.queryForObject(
                                "select count(*) from resource_state where cluster_id = ? and valid_to is null",
                                Integer.class,
                                member.cluster().id()))
                        .isEqualTo(member.objects());
                // clusters read from the same API server hold the same objects
                assertThat(snapshot.digest())
                        .isEqualTo(digests.computeIfAbsent(member.apiServer(), k -> snapshot.digest()));
                assertThat(jdbc.queryForObject(
                                "select count(*) from agent_staged_body b join agent_credential c"
                                        + " on c.id = b.credential_id where c.cluster_id = ?",
                                Integer.class,
                                member.cluster().id()))
                        .as("nothing is left staged")
                        .isZero();
            }
            var bodies = new HashSet<String>();
            fleet.members().forEach(m -> m.collection().manifest().objects().forEach(o -> bodies.add(o.digest())));
            // this test's clusters only: other tests sharing the database may name clusters alike
            var ids = fleet.members().stream()
                    .map(m -> String.valueOf(m.cluster().id()))
                    .collect(java.util.stream.Collectors.joining(","));
            assertThat(jdbc.queryForObject(
                            "select count(*) from resource_body where digest in (select r.digest from resource_state r"
                                    + " where r.cluster_id in (" + ids + "))",
                            Integer.class))
                    .as("each distinct body is stored once")
                    .isEqualTo(bodies.size());
            assertThat(jdbc.queryForObject(
                            "select count(*) from audit_entry where action = 'AGENT_PUSH_COMMITTED'"
                                    + " and target_id like 'fleet-%'",
                            Integer.class))
                    .isGreaterThanOrEqualTo(AGENTS);
            assertThat(AsAdmin.admin(() -> auditLog.verify()).intact()).isTrue();
            for (var id : outcome.snapshotIds()) {
                clusters.awaitAssessed(id, Duration.ofMinutes(3));
            }
        }
    }
}
