package io.clusterproof.snapshot;

import static org.awaitility.Awaitility.await;

import io.clusterproof.demo.DemoHistories;
import io.clusterproof.support.AsAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Registers and collects clusters for tests through the application's own services, with unique
 * names, so tests sharing one database never see each other's clusters.
 */
@Component
public class TestClusters {

    private final ClusterService clusters;
    private final CollectionService collections;
    private final JdbcTemplate jdbc;
    private final DemoHistories demoHistories;

    TestClusters(
            ClusterService clusters, CollectionService collections, JdbcTemplate jdbc, DemoHistories demoHistories) {
        this.clusters = clusters;
        this.collections = collections;
        this.jdbc = jdbc;
        this.demoHistories = demoHistories;
    }

    public ClusterSummary manifests(String prefix, Path path) {
        return register(
                prefix, SourceType.MANIFESTS, null, path.toAbsolutePath().toString());
    }

    public ClusterSummary kubeconfig(String prefix, Path kubeconfig) {
        return register(
                prefix, SourceType.KUBECONFIG, kubeconfig.toAbsolutePath().toString(), null);
    }

    public ClusterSummary agent(String prefix) {
        return register(prefix, SourceType.AGENT, null, null);
    }

    public ClusterSummary uploadsOnly(String prefix) {
        return register(prefix, SourceType.UPLOAD, null, null);
    }

    private ClusterSummary register(String prefix, SourceType type, String kubeconfig, String path) {
        var name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return AsAdmin.admin(() -> clusters.register(new ClusterDefinition(
                name, null, "test", null, null, type, kubeconfig, null, path, "0 0 2 * * *", false)));
    }

    /**
     * Stores a daily snapshot of the manifests for each of the past {@code days} days, the way the
     * demo builds its history (the demo's recorded changes undone day by day), then waits until
     * every one of them is assessed.
     */
    public void history(ClusterSummary cluster, Path manifests, int days, Duration patience) {
        AsAdmin.admin(() -> demoHistories.store(cluster.id(), manifests, days));
        await("assessments of " + days + " days of history")
                .atMost(patience)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from assessment where cluster_id = ? and lineage = 0",
                                Integer.class,
                                cluster.id())
                        >= days);
    }

    /** Collects on the calling thread and returns the run. */
    public RunSummary collect(ClusterSummary cluster) {
        return collections.collectAndWait(cluster.id(), RunTrigger.MANUAL, "test");
    }

    /** Collects, then waits until the snapshot is assessed (assessment runs after the SnapshotCollected event). */
    public RunSummary collectAndAssess(ClusterSummary cluster) {
        var run = collect(cluster);
        if (run.snapshotId() != null) {
            awaitAssessed(run.snapshotId());
        }
        return run;
    }

    public void awaitAssessed(long snapshotId) {
        awaitAssessed(snapshotId, Duration.ofSeconds(60));
    }

    public void awaitAssessed(long snapshotId, Duration patience) {
        await("assessment of snapshot " + snapshotId)
                .atMost(patience)
                .pollInterval(Duration.ofMillis(500))
                .until(assessed(snapshotId)::getAsBoolean);
    }

    private BooleanSupplier assessed(long snapshotId) {
        return () -> {
            var count = jdbc.queryForObject(
                    "select count(*) from assessment where snapshot_id = ? and lineage = 0", Integer.class, snapshotId);
            return count != null && count > 0;
        };
    }

    public long latestAssessment(long snapshotId) {
        awaitAssessed(snapshotId);
        return jdbc.queryForObject(
                "select id from assessment where snapshot_id = ? and lineage = 0", Long.class, snapshotId);
    }

    /** Waits until the remediation follow-up has applied the snapshot's assessment. */
    public void awaitFollowedUp(long snapshotId, Duration patience) {
        var assessment = latestAssessment(snapshotId);
        await("remediation follow-up of assessment " + assessment)
                .atMost(patience)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc
                        .queryForList(
                                "select c.last_assessment_id from remediation_cursor c join assessment a"
                                        + " on a.cluster_id = c.cluster_id where a.id = ?",
                                Long.class,
                                assessment)
                        .stream()
                        .anyMatch(applied -> applied >= assessment));
    }
}
