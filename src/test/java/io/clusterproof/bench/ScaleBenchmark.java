package io.clusterproof.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterproof.drift.DriftService;
import io.clusterproof.evidence.TestDriftSections;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.ListPageServer;
import io.clusterproof.snapshot.RunStatus;
import io.clusterproof.snapshot.SnapshotProperties;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.SyntheticCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.TestPropertySource;

/**
 * A 250,000-object cluster (2,000 nodes; 200 namespaces of 176 deployments with their replica
 * sets, 3 pods each, services and service accounts; network policies, RBAC, config maps, secrets)
 * collected through the HTTP API, stored and assessed with the whole catalog, in a JVM of 1 GiB
 * heap; then the remediation follow-up that the assessment sets off, measured apart. Then a rollout of
 * every deployment (new images; every replica set and pod replaced by new ones; other workloads
 * weak) collected, assessed and followed up the same way, and the drift between the two read as
 * the drift page counts changed objects and as an evidence report's drift section reads it (the
 * findings that moved, counted and listed for a framework). The pages come from files and the database is an
 * H2 file (the default installation), so the heap holds the application alone. The benchmark profile runs it in its own JVM ({@code -Xmx1g}); anywhere else
 * it does not run.
 */
@IntegrationTest
// the product's default database, a file: an in-memory one would hold every stored row in this heap
@TestPropertySource(
        properties =
                "spring.datasource.url=jdbc:h2:file:./target/scale-benchmark/cp-${random.uuid};DB_CLOSE_ON_EXIT=FALSE")
@EnabledIfSystemProperty(
        named = "benchmark.heap",
        matches = "1g",
        disabledReason = "runs in the benchmark profile's own JVM with -Xmx1g")
class ScaleBenchmark {

    private static final Duration PATIENCE = Duration.ofMinutes(45);

    @Autowired
    TestClusters clusters;

    @Autowired
    SnapshotProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DriftService drift;

    @Autowired
    TestDriftSections driftSections;

    @Autowired
    @Qualifier("taskExecutor")
    ThreadPoolTaskExecutor events;

    @TempDir
    Path dir;

    @Test
    void collect_store_and_assess_a_quarter_million_objects_in_one_gibibyte() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(1L << 30);
        var synthetic = new SyntheticCluster(200, 176, 3).withNodes(2_000);
        try (var api = new ListPageServer(synthetic::generate, properties.pageSize(), dir)) {
            var kubeconfig = api.kubeconfig(dir);
            var cluster = clusters.kubeconfig("bench-scale", kubeconfig);
            var periodStart = Instant.now();
            System.gc();
            double collectSeconds;
            double seconds;
            long snapshotId;
            try (var gc = GcHeapWatcher.start()) {
                var started = System.nanoTime();
                var run = clusters.collect(cluster);
                collectSeconds = (System.nanoTime() - started) / 1e9;
                assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
                snapshotId = run.snapshotId();
                clusters.awaitAssessed(snapshotId, PATIENCE);
                seconds = (System.nanoTime() - started) / 1e9;

                var objects = jdbc.queryForObject(
                        "select object_count from snapshot where id = ?", Integer.class, snapshotId);
                var assessment = jdbc.queryForMap(
                        "select finding_count, duration_ms from assessment where snapshot_id = ? and lineage = 0",
                        snapshotId);
                var figures = new LinkedHashMap<String, Object>();
                figures.put("scale.objects", objects);
                figures.put("scale.collect_seconds", collectSeconds);
                figures.put("scale.assess_seconds", ((Number) assessment.get("duration_ms")).doubleValue() / 1000);
                figures.put("scale.seconds", seconds);
                figures.put("scale.objects_per_second", objects / seconds);
                figures.put("scale.findings", assessment.get("finding_count"));
                figures.put("scale.max_heap_mib", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
                figures.put("scale.peak_live_heap_mib", gc.peakLiveMiB());
                figures.put("scale.peak_heap_after_any_gc_mib", gc.peakAfterAnyCollectionMiB());
                figures.put("scale.full_collections", gc.fullCollections());
                assertThat(objects).isEqualTo(synthetic.size());

                // then what the assessment sets off: a remediation item for every failing finding
                var followStarted = System.nanoTime();
                clusters.awaitFollowedUp(snapshotId, PATIENCE);
                figures.put("scale.remediation_seconds", (System.nanoTime() - followStarted) / 1e9);
                figures.put(
                        "scale.remediation_items",
                        jdbc.queryForObject(
                                "select count(*) from remediation_item where cluster_id = ?",
                                Long.class,
                                cluster.id()));
                figures.put("scale.peak_live_heap_with_remediation_mib", gc.peakLiveMiB());
                BenchmarkReport.put(figures);

                var rollout = rollout(synthetic.release(2), kubeconfig, cluster, snapshotId, periodStart);
                rollout.put("scale.rollout_peak_live_heap_mib", gc.peakLiveMiB());
                rollout.put("scale.rollout_full_collections", gc.fullCollections());
                BenchmarkReport.put(rollout);
            }
        }
    }

    private static double databaseFileMiB() throws IOException {
        try (var files = Files.list(Path.of("target", "scale-benchmark"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mv.db"))
                            .mapToLong(f -> f.toFile().length())
                            .max()
                            .orElse(0)
                    / (1024.0 * 1024.0);
        }
    }

    /**
     * Collects the cluster after a rollout (the cluster's kubeconfig pointed at pages of the new
     * release), awaits its assessment and follow-up, then reads the drift from the first snapshot.
     */
    private Map<String, Object> rollout(
            SyntheticCluster release, Path kubeconfig, ClusterSummary cluster, long firstSnapshot, Instant periodStart)
            throws Exception {
        var figures = new LinkedHashMap<String, Object>();
        var pages = Files.createDirectories(dir.resolve("release-2"));
        try (var api = new ListPageServer(release::generate, properties.pageSize(), pages)) {
            Files.copy(api.kubeconfig(pages), kubeconfig, StandardCopyOption.REPLACE_EXISTING);
            var started = System.nanoTime();
            var run = clusters.collect(cluster);
            figures.put("scale.rollout_collect_seconds", (System.nanoTime() - started) / 1e9);
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            var snapshotId = run.snapshotId();
            var snapshot = jdbc.queryForMap(
                    "select added_count, changed_count, removed_count from snapshot where id = ?", snapshotId);
            figures.put("scale.rollout_added", snapshot.get("added_count"));
            figures.put("scale.rollout_changed", snapshot.get("changed_count"));
            figures.put("scale.rollout_removed", snapshot.get("removed_count"));
            clusters.awaitAssessed(snapshotId, PATIENCE);
            figures.put(
                    "scale.rollout_assess_seconds",
                    jdbc.queryForObject(
                                    "select duration_ms from assessment where snapshot_id = ? and lineage = 0",
                                    Long.class,
                                    snapshotId)
                            / 1000.0);
            var followStarted = System.nanoTime();
            clusters.awaitFollowedUp(snapshotId, PATIENCE);
            figures.put("scale.rollout_remediation_seconds", (System.nanoTime() - followStarted) / 1e9);
            // the rest of the work the assessment set off (the regression check, the posture gauges)
            // ends before the drift is read, so that each step is measured alone
            started = System.nanoTime();
            await("the event workers are idle")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> events.getActiveCount() == 0
                            && events.getThreadPoolExecutor().getQueue().isEmpty());
            figures.put("scale.rollout_other_event_work_seconds", (System.nanoTime() - started) / 1e9);
            // reported as each step ends: the steps of a rollout take minutes each on H2
            BenchmarkReport.put(figures);

            // the drift page's counts of changed objects
            started = System.nanoTime();
            var summary = drift.summary(firstSnapshot, snapshotId);
            figures.put("scale.rollout_drift_summary_seconds", (System.nanoTime() - started) / 1e9);

            // an evidence report's drift section for the period of both snapshots
            started = System.nanoTime();
            var section = driftSections.of(cluster.id(), "pci-dss-4.0", periodStart, Instant.now());
            figures.put("scale.rollout_report_drift_section_seconds", (System.nanoTime() - started) / 1e9);
            figures.put("scale.rollout_report_drift_pci_newly_failing", section.findingsNewlyFailing());
            figures.put("scale.rollout_report_drift_pci_fixed", section.findingsFixed());
            BenchmarkReport.put(figures);
            assertThat(summary.added() + summary.changed() + summary.removed() + summary.controlledChanges())
                    .isEqualTo(((Number) snapshot.get("added_count")).intValue()
                            + ((Number) snapshot.get("changed_count")).intValue()
                            + ((Number) snapshot.get("removed_count")).intValue());
            assertThat(section.findingsNewlyFailing()).isPositive();
            assertThat(section.findingsFixed()).isPositive();
            assertThat(section.listed())
                    .as("a section lists at most 500 changes")
                    .isEqualTo(500);

            // two readers of the moves at once, as when someone opens the drift page or exports a
            // report while the regression check runs: each pairs 1.3 million re-versioned findings
            started = System.nanoTime();
            var both = new ArrayList<CompletableFuture<TestDriftSections.Section>>();
            for (var framework : List.of("pci-dss-4.0", "hipaa-security-rule")) {
                both.add(CompletableFuture.supplyAsync(
                        () -> driftSections.of(cluster.id(), framework, periodStart, Instant.now())));
            }
            for (var future : both) {
                assertThat(future.get().findingsNewlyFailing()).isPositive();
            }
            figures.put("scale.rollout_two_drift_sections_at_once_seconds", (System.nanoTime() - started) / 1e9);
            figures.put("scale.h2_file_mib", databaseFileMiB());
        }
        return figures;
    }
}
