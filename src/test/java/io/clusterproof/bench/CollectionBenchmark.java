package io.clusterproof.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.ListPageServer;
import io.clusterproof.snapshot.ProcessingCost;
import io.clusterproof.snapshot.RunStatus;
import io.clusterproof.snapshot.SnapshotProperties;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.snapshot.TransferCost;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.SyntheticCluster;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Collect and store a 50,000-object cluster whose list pages are served from bytes built
 * beforehand, so that the server costs next to nothing; then, for the floor, Jackson alone on the
 * same pages. The collection is measured after a smaller warm-up collection (different objects, so
 * nothing of the measured one is stored before it), and with nothing else of the application
 * running: each collection's assessment and remediation follow-up are awaited before the next step. The machine may be busy
 * with other work, so the ratio is given in elapsed time and in CPU time of the collecting thread
 * (the collection runs on the calling thread; the HTTP client's I/O threads are not counted). Run with {@code ./mvnw -Pbenchmark
 * verify}.
 */
@IntegrationTest
class CollectionBenchmark {

    static final int OBJECTS = Integer.getInteger("benchmark.objects", 50_000);
    private static final Duration ASSESSMENT_PATIENCE = Duration.ofMinutes(10);
    private static final int FLOOR_PASSES = 5;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Autowired
    TestClusters clusters;

    @Autowired
    SnapshotReader snapshots;

    @Autowired
    SnapshotProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @TempDir
    Path dir;

    @Test
    void collect_and_store_a_large_cluster() throws Exception {
        warmUp();
        // only the pages are kept, not the objects: a collector holds no copy of the cluster, and the
        // harness's copy would only make the measured collection's garbage collections slower
        try (var api = new ListPageServer(SyntheticCluster.ofSize(OBJECTS).objects(), properties.pageSize())) {
            int expected = api.objectCount;
            var cluster = clusters.kubeconfig("bench-collect", api.kubeconfig(dir));

            long started;
            RunStatus status;
            long snapshotId;
            double peak;
            double seconds;
            double cpuSeconds;
            try (var heap = HeapSampler.start()) {
                var cpuStarted = CPU.getCurrentThreadCpuTime();
                started = System.nanoTime();
                var run = clusters.collect(cluster);
                seconds = (System.nanoTime() - started) / 1e9;
                cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
                peak = heap.peakAboveBaselineMiB();
                status = run.status();
                snapshotId = run.snapshotId();
            }
            assertThat(status).isEqualTo(RunStatus.SUCCEEDED);
            var read = phaseSeconds(cluster.name(), "read");
            var store = phaseSeconds(cluster.name(), "store");
            clusters.awaitFollowedUp(snapshotId, ASSESSMENT_PATIENCE);
            var first = snapshots.summary(snapshotId).orElseThrow();
            var secondRun = clusters.collect(cluster);
            clusters.awaitFollowedUp(secondRun.snapshotId(), ASSESSMENT_PATIENCE);
            var second = snapshots.summary(secondRun.snapshotId()).orElseThrow();

            var floor = parseFloorSeconds(api.pages, false);
            var floorCpu = parseFloorSeconds(api.pages, true);
            var processingCpu = ProcessingCost.cpuSeconds(api.pages, FLOOR_PASSES, expected);
            var transfer = TransferCost.seconds(
                    api.kubeconfig(dir),
                    properties.pageSize(),
                    FLOOR_PASSES,
                    api.pages.stream().mapToLong(p -> p.length).sum());
            var figures = new LinkedHashMap<String, Object>();
            figures.put("collect.objects", first.objects());
            figures.put("collect.seconds", seconds);
            figures.put("collect.objects_per_second", first.objects() / seconds);
            figures.put("collect.peak_heap_mib", peak);
            figures.put("collect.first_snapshot_stored_bytes", first.storedBytes());
            figures.put(
                    "collect.first_snapshot_body_segment_bytes",
                    jdbc.queryForObject(
                            "select coalesce(sum(octet_length(data)), 0) from body_segment where id in (select "
                                    + "rb.segment_id from resource_body rb join resource_state rs on rs.digest = "
                                    + "rb.digest where rs.cluster_id = ? and rs.valid_from = ?)",
                            Long.class,
                            cluster.id(),
                            snapshotId));
            figures.put("collect.second_unchanged_snapshot_stored_bytes", second.storedBytes());
            figures.put("collect.second_snapshot_percent_of_first", 100.0 * second.storedBytes() / first.storedBytes());
            figures.put("collect.jackson_parse_floor_seconds", floor);
            figures.put("collect.parse_floor_ratio", seconds / floor);
            // the collection's two phases as the product times them (clusterproof_collection_phase_seconds):
            // reading the source (list, parse, redact, normalise, digest, pack) and storing the snapshot
            figures.put("collect.read_seconds", read);
            figures.put("collect.read_parse_floor_ratio", read / floor);
            figures.put("collect.store_seconds", store);
            // fetching the same pages through the collector's HTTP client, one after the other, and nothing else
            figures.put("collect.http_transfer_floor_seconds", transfer);
            figures.put("collect.http_transfer_floor_ratio", transfer / floor);
            figures.put("collect.cpu_seconds", cpuSeconds);
            figures.put("collect.jackson_parse_floor_cpu_seconds", floorCpu);
            figures.put("collect.parse_floor_ratio_cpu", cpuSeconds / floorCpu);
            // the work every object needs before storage (normalise, redact, canonical JSON, SHA-256, gzip)
            figures.put("collect.processing_cpu_seconds", processingCpu);
            figures.put("collect.processing_floor_ratio_cpu", processingCpu / floorCpu);
            figures.put("collect.storage_and_http_share_of_cpu", Math.max(0, cpuSeconds - processingCpu) / cpuSeconds);
            figures.put("collect.list_pages", api.pages.size());
            figures.put(
                    "collect.list_bytes",
                    api.pages.stream().mapToLong(p -> p.length).sum());
            BenchmarkReport.put(figures);
            assertThat(first.objects()).isEqualTo(expected);
            assertThat(second.added() + second.changed() + second.removed()).isZero();
        }
    }

    /** The one collection of the cluster so far: how long its {@code phase} took, in seconds. */
    private double phaseSeconds(String cluster, String phase) {
        var timer = Objects.requireNonNull(
                meters.find("clusterproof.collection.phase")
                        .tag("cluster", cluster)
                        .tag("phase", phase)
                        .timer(),
                "the collection's " + phase + " phase is timed");
        assertThat(timer.count()).isEqualTo(1);
        return timer.totalTime(TimeUnit.NANOSECONDS) / 1e9;
    }

    /**
     * Jackson alone reading every page into maps, as the collector does: the best of a few warm
     * passes, in elapsed time or in CPU time of this thread (which other work on the machine does
     * not inflate).
     */
    private static double parseFloorSeconds(List<byte[]> pages, boolean cpu) throws Exception {
        var mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .build();
        double best = Double.MAX_VALUE;
        long items = 0;
        for (int pass = 0; pass < FLOOR_PASSES; pass++) {
            var started = cpu ? CPU.getCurrentThreadCpuTime() : System.nanoTime();
            for (var page : pages) {
                Map<?, ?> list = mapper.readValue(page, Map.class);
                items += ((List<?>) list.get("items")).size();
            }
            var ended = cpu ? CPU.getCurrentThreadCpuTime() : System.nanoTime();
            best = Math.min(best, (ended - started) / 1e9);
        }
        assertThat(items).isPositive();
        return best;
    }

    /** Collects a smaller cluster first so that the measured collection runs on compiled code. */
    private void warmUp() throws Exception {
        var objects = new SyntheticCluster(10, 40, 3).objects();
        for (var object : objects) {
            var metadata = KubeObjects.map(object, "metadata");
            metadata.put("annotations", new LinkedHashMap<>(Map.of("bench.clusterproof.io/warm-up", "true")));
        }
        try (var api = new ListPageServer(objects, properties.pageSize())) {
            var cluster = clusters.kubeconfig("bench-warm-up", api.kubeconfig(dir));
            var run = clusters.collect(cluster);
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            clusters.awaitFollowedUp(run.snapshotId(), ASSESSMENT_PATIENCE);
        }
    }
}
