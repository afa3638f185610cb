package io.clusterproof.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.MockApiServer;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotStatus;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.SyntheticCluster;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A push costs the server one database connection at a time, never two: with one connection left
 * in the pool, an agent still registers, uploads and commits. A commit that took a second
 * connection for its collection run while holding the first starved the pool as soon as as many
 * agents committed at once as the pool has connections, and they all waited until they timed out.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.hikari.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=10000"
        })
class AgentCommitConnectionTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClusters clusters;

    @Autowired
    AgentService agents;

    @Autowired
    SnapshotReader snapshots;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path directory;

    @Test
    void an_agent_pushes_with_a_single_connection_left_in_the_pool() throws Exception {
        try (var api = new MockApiServer()) {
            api.load(new SyntheticCluster(2, 2, 2).objects());
            var fixture =
                    new AgentFixture("http://127.0.0.1:" + port, clusters, agents, directory, "one-connection", api);
            var agent = fixture.register();
            var collection = agent.collect();
            AgentPusher.Report report;

            try (var heldElsewhere = dataSource.getConnection()) {
                report = agent.pusher(10).push(collection, agent.key());
            }

            var snapshot = snapshots.summary(report.snapshotId()).orElseThrow();
            assertThat(snapshot.status()).isEqualTo(SnapshotStatus.COMPLETE);
            assertThat(snapshot.objects())
                    .isEqualTo(collection.manifest().objects().size());
        }
    }
}
