package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterproof.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bodies are stored once for every cluster. Two collections (on one instance or two) that store the
 * same new body at the same moment must both succeed: the second one waits for the first one's
 * row and then finds its body stored, instead of failing its whole snapshot on the primary key.
 */
@IntegrationTest
class SharedBodiesTest {

    @Autowired
    SnapshotWriter writer;

    @Autowired
    RunBook runBook;

    @Autowired
    TestClusters clusters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void two_clusters_storing_the_same_new_body_at_once_both_store_their_snapshot() throws Exception {
        var name = "shared-" + UUID.randomUUID();
        var body = CanonicalJson.bytes(Map.of(
                "apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", name, "namespace", "default")));
        var digest = CanonicalJson.sha256(body);
        var first = clusters.uploadsOnly("bodies");
        var second = clusters.uploadsOnly("bodies");
        var written = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var threads = Executors.newFixedThreadPool(2);
        try {
            var holding = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                var id = write(first, name, body, digest);
                written.countDown();
                try {
                    commit.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return id;
            }));
            assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
            var waiting = threads.submit(() -> write(second, name, body, digest));
            await("the second write waits for the first one's body row")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> blockedSessions() > 0);
            commit.countDown();

            assertThat(holding.get(60, TimeUnit.SECONDS)).isNotNull();
            assertThat(waiting.get(60, TimeUnit.SECONDS)).isNotNull();
        } finally {
            commit.countDown();
            threads.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from resource_body where digest = ?", Integer.class, digest))
                .isEqualTo(1);
        for (var cluster : List.of(first, second)) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from snapshot where cluster_id = ?", Integer.class, cluster.id()))
                    .isEqualTo(1);
        }
    }

    private long write(ClusterSummary cluster, String name, byte[] body, String digest) {
        var run = runBook.start(cluster.id(), RunTrigger.UPLOAD, "test");
        var builder = new SnapshotBuilder(new java.util.HashSet<>());
        builder.add(
                new SnapshotBuilder.Entry(
                        new ResourceKey("", "ConfigMap", "default", name), "v1", "uid-" + cluster.id(), digest, false),
                CanonicalJson.gzip(body),
                body.length);
        var snapshot = writer.write(
                cluster.id(),
                run.id(),
                Instant.now(),
                builder,
                List.of(),
                List.of(),
                null,
                Provenance.upload("test", name + ".yaml", digest, false));
        runBook.finish(run.id(), RunStatus.SUCCEEDED, snapshot.id(), null);
        return snapshot.id();
    }

    private int blockedSessions() {
        var postgres = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName()));
        var count = jdbc.queryForObject(
                postgres
                        ? "select count(*) from pg_locks where not granted"
                        : "select count(*) from information_schema.sessions where blocker_id is not null",
                Integer.class);
        return count == null ? 0 : count;
    }
}
