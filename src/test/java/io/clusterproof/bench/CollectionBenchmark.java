package io.clusterproof.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.ListPageServer;
import io.clusterproof.snapshot.ProcessingCost;
import io.clusterproof.snapshot.RunStatus;
import io.clusterproof.snapshot.RunSummary;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Collect and store a 50,000-object cluster whose list pages are served from bytes built
 * beforehand, so that the server costs next to nothing; then, for the floor, Jackson alone on the
 * same pages. A warm-up collection of the same size comes first, collected twice, then {@value
 * #ROUNDS} measured ones, each of a cluster of its own whose bodies are all new, and the figures are
 * their median; the last cluster is then collected {@value #ROUNDS} times more, unchanged:
 * this machine's speed varies from one minute to the next. The floor, on the other hand, is the
 * fastest of all its measurements (before each round and at the end), so that a slow moment never
 * flatters a ratio. Nothing else of the application runs while a collection or a floor is
 * measured: each collection's assessment and remediation follow-up are awaited, and then the
 * process is left until it is quiet. The ratio is given in elapsed time and in CPU time of the
 * collecting thread (the collection runs on the calling thread; the HTTP client's I/O threads are
 * not counted), and each phase says how many cores the whole process kept busy. Run with {@code
 * ./mvnw -Pbenchmark verify}.
 */
@IntegrationTest
class CollectionBenchmark {

    static final int OBJECTS = Integer.getInteger("benchmark.objects", 50_000);
    /** Measured collections; the figures are their median. */
    private static final int ROUNDS = 3;
    /** Before each measurement, the process is left until it keeps less than this of a core busy for a second. */
    private static final double QUIET = 0.1;

    private static final Duration QUIET_WINDOW = Duration.ofSeconds(1);
    private static final Duration QUIET_PATIENCE = Duration.ofSeconds(60);

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
        var rounds = new ArrayList<Round>();
        for (int round = 1; round < ROUNDS; round++) {
            rounds.add(collect(round, "bench-collect"));
        }
        // the last round's cluster is collected again, unchanged, and its pages give the floors
        try (var api = new ListPageServer(objectsOfRound(ROUNDS), properties.pageSize())) {
            int expected = api.objectCount;
            var cluster = clusters.kubeconfig("bench-collect", api.kubeconfig(dir));
            var last = measure(cluster, api.pages);
            rounds.add(last);
            var first = snapshots.summary(last.snapshotId()).orElseThrow();
            var unchanged = new ArrayList<Double>();
            long secondId = 0;
            for (int again = 0; again < ROUNDS; again++) {
                CpuSampler.awaitQuiet(QUIET, QUIET_WINDOW, QUIET_PATIENCE);
                var againStarted = System.nanoTime();
                var againRun = clusters.collect(cluster);
                unchanged.add((System.nanoTime() - againStarted) / 1e9);
                var againId = Objects.requireNonNull(againRun.snapshotId(), "a successful run has a snapshot");
                clusters.awaitFollowedUp(againId, ASSESSMENT_PATIENCE);
                secondId = again == 0 ? againId : secondId;
            }
            var second = snapshots.summary(secondId).orElseThrow();
            var unchangedSeconds = unchanged.stream().sorted().toList().get(ROUNDS / 2);

            // measured together with their floors, so that both see the machine at the same speed
            CpuSampler.awaitQuiet(QUIET, QUIET_WINDOW, QUIET_PATIENCE);
            var transferFloor = parseFloorSeconds(api.pages, false);
            // the fastest the machine parsed the pages in all the benchmark: no ratio is flattered by a
            // floor taken while the machine was slow
            var floor = Math.min(rounds.stream().mapToDouble(Round::floor).min().orElseThrow(), transferFloor);
            var floorCpu = rounds.stream().mapToDouble(Round::floorCpu).min().orElseThrow();
            var processingFloorCpu = parseFloorSeconds(api.pages, true);
            var processingCpu = ProcessingCost.cpuSeconds(api.pages, FLOOR_PASSES, expected);
            var transfer = TransferCost.seconds(
                    api.kubeconfig(dir),
                    properties.pageSize(),
                    FLOOR_PASSES,
                    api.pages.stream().mapToLong(p -> p.length).sum());
            var seconds = median(rounds, Round::seconds);
            var read = median(rounds, Round::read);
            var cpuSeconds = median(rounds, Round::cpuSeconds);
            var figures = new LinkedHashMap<String, Object>();
            figures.put("collect.objects", first.objects());
            // the median of the measured rounds, each a cluster of its own, all its bodies new
            figures.put("collect.rounds", rounds.size());
            figures.put("collect.seconds", seconds);
            figures.put(
                    "collect.seconds_each_round",
                    rounds.stream()
                            .map(r -> String.format(Locale.ROOT, "%.2f", r.seconds()))
                            .collect(Collectors.joining(", ")));
            figures.put("collect.objects_per_second", first.objects() / seconds);
            figures.put(
                    "collect.peak_heap_mib",
                    rounds.stream().mapToDouble(Round::peakMiB).max().orElseThrow());
            figures.put("collect.first_snapshot_stored_bytes", first.storedBytes());
            figures.put(
                    "collect.first_snapshot_body_segment_bytes",
                    jdbc.queryForObject(
                            "select coalesce(sum(octet_length(data)), 0) from body_segment where id in (select "
                                    + "rb.segment_id from resource_body rb join resource_state rs on rs.digest = "
                                    + "rb.digest where rs.cluster_id = ? and rs.valid_from = ?)",
                            Long.class,
                            cluster.id(),
                            last.snapshotId()));
            figures.put("collect.second_unchanged_snapshot_stored_bytes", second.storedBytes());
            figures.put("collect.second_snapshot_percent_of_first", 100.0 * second.storedBytes() / first.storedBytes());
            figures.put("collect.jackson_parse_floor_seconds", floor);
            figures.put("collect.parse_floor_ratio", seconds / floor);
            // the collection's two phases as the product times them (clusterproof_collection_phase_seconds):
            // reading the source (list, parse, redact, normalise, digest, pack) and storing the snapshot
            figures.put("collect.read_seconds", read);
            figures.put("collect.read_parse_floor_ratio", read / floor);
            figures.put("collect.store_seconds", median(rounds, Round::store));
            // how many of the machine's cores the process kept busy in each phase, every thread counted
            // (garbage collection and the JIT compiler too): near all of them, the phase is bound by CPU
            figures.put("collect.available_cores", Runtime.getRuntime().availableProcessors());
            figures.put("collect.read_cores_busy", median(rounds, Round::readCores));
            figures.put("collect.store_cores_busy", median(rounds, Round::storeCores));
            // of which garbage collection, in the time the collector reports for its collections
            figures.put("collect.read_gc_seconds", median(rounds, Round::readGc));
            figures.put("collect.store_gc_seconds", median(rounds, Round::storeGc));
            // fetching the same pages through the collector's HTTP client, one after the other, and nothing else
            figures.put("collect.http_transfer_floor_seconds", transfer);
            figures.put("collect.http_transfer_floor_ratio", transfer / transferFloor);
            figures.put("collect.cpu_seconds", cpuSeconds);
            figures.put("collect.jackson_parse_floor_cpu_seconds", floorCpu);
            figures.put("collect.parse_floor_ratio_cpu", cpuSeconds / floorCpu);
            // the work every object needs before storage (normalise, redact, canonical JSON, SHA-256, gzip)
            figures.put("collect.processing_cpu_seconds", processingCpu);
            figures.put("collect.processing_floor_ratio_cpu", processingCpu / processingFloorCpu);
            figures.put("collect.storage_and_http_share_of_cpu", Math.max(0, cpuSeconds - processingCpu) / cpuSeconds);
            // the same cluster again, unchanged: what a scheduled collection of a quiet cluster costs
            figures.put("collect.unchanged_seconds", unchangedSeconds);
            figures.put(
                    "collect.unchanged_seconds_each_round",
                    unchanged.stream()
                            .map(u -> String.format(Locale.ROOT, "%.2f", u))
                            .collect(Collectors.joining(", ")));
            figures.put("collect.unchanged_parse_floor_ratio", unchangedSeconds / floor);
            figures.put("collect.list_pages", api.pages.size());
            figures.put(
                    "collect.list_bytes",
                    api.pages.stream().mapToLong(p -> p.length).sum());
            BenchmarkReport.put(figures);
            assertThat(first.objects()).isEqualTo(expected);
            assertThat(second.added() + second.changed() + second.removed()).isZero();
        }
    }

    /** One measured collection: elapsed and CPU seconds, its phases, and how busy the cores were in each. */
    private record Round(
            double floor,
            double floorCpu,
            double seconds,
            double cpuSeconds,
            double read,
            double store,
            double readCores,
            double storeCores,
            double readGc,
            double storeGc,
            double peakMiB,
            long snapshotId) {}

    /**
     * A collection of the same size before any is measured, and that cluster collected again,
     * unchanged: the measured collections then run on code compiled for both the objects a
     * collection reads and those it keeps as stored, as on a server that has been up for a while.
     */
    private void warmUp() throws Exception {
        try (var api = new ListPageServer(objectsOfRound(0), properties.pageSize())) {
            var cluster = clusters.kubeconfig("bench-warm-up", api.kubeconfig(dir));
            measure(cluster, api.pages);
            var again = clusters.collect(cluster);
            clusters.awaitFollowedUp(
                    Objects.requireNonNull(again.snapshotId(), "a successful run has a snapshot"), ASSESSMENT_PATIENCE);
        }
    }

    /** Serves the objects of {@code round}, collects them as a cluster of their own, and waits for the follow-up. */
    private Round collect(int round, String name) throws Exception {
        // only the pages are kept, not the objects: a collector holds no copy of the cluster, and the
        // harness's copy would only make the measured collection's garbage collections slower
        try (var api = new ListPageServer(objectsOfRound(round), properties.pageSize())) {
            return measure(clusters.kubeconfig(name, api.kubeconfig(dir)), api.pages);
        }
    }

    /**
     * Collects {@code cluster} once, with nothing else of the application running, and waits for its
     * assessment and remediation follow-up before returning. The parse floor is measured on its
     * pages just before, once the process is quiet: this machine's speed drifts over minutes, and
     * the floor is the fastest of all its measurements.
     */
    private Round measure(ClusterSummary cluster, List<byte[]> pages) throws Exception {
        CpuSampler.awaitQuiet(QUIET, QUIET_WINDOW, QUIET_PATIENCE);
        var floor = parseFloorSeconds(pages, false);
        var floorCpu = parseFloorSeconds(pages, true);
        var processCpu = CpuSampler.start();
        long started;
        double seconds;
        double cpuSeconds;
        double peak;
        RunSummary run;
        try (var heap = HeapSampler.start()) {
            var cpuStarted = CPU.getCurrentThreadCpuTime();
            started = System.nanoTime();
            run = clusters.collect(cluster);
            seconds = (System.nanoTime() - started) / 1e9;
            cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            peak = heap.peakAboveBaselineMiB();
        } finally {
            processCpu.close();
        }
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        var read = phaseSeconds(cluster.name(), "read");
        var store = phaseSeconds(cluster.name(), "store");
        // the read phase starts as the run does (the run's own set-up is a few queries), and the
        // store phase ends as it does (its bookkeeping after, a few more)
        var readEnded = started + (long) (read * 1e9);
        var storeEnded = readEnded + (long) (store * 1e9);
        var round = new Round(
                floor,
                floorCpu,
                seconds,
                cpuSeconds,
                read,
                store,
                processCpu.coresBusy(started, readEnded),
                processCpu.coresBusy(readEnded, storeEnded),
                processCpu.gcSeconds(started, readEnded),
                processCpu.gcSeconds(readEnded, storeEnded),
                peak,
                Objects.requireNonNull(run.snapshotId(), "a successful run has a snapshot"));
        clusters.awaitFollowedUp(round.snapshotId(), ASSESSMENT_PATIENCE);
        return round;
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        var sorted = rounds.stream().mapToDouble(figure).sorted().toArray();
        return sorted[sorted.length / 2];
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

    /**
     * The objects of a round, each annotated with the round's number, so that no body of one round
     * is stored before it is collected: every round stores all of its bodies, as the first collection
     * of a new cluster does. Round 0 is a warm-up of the same size, so that the measured rounds run
     * on compiled code, as collections on a server that has been up for a while do: a smaller
     * warm-up leaves the JIT compiler busy on the second core during the measured collection (a
     * flight recording shows compilations of the redactor, the normaliser and the database's insert
     * path there).
     */
    private static List<Map<String, Object>> objectsOfRound(int round) {
        var objects = SyntheticCluster.ofSize(OBJECTS).objects();
        for (var object : objects) {
            var metadata = KubeObjects.map(object, "metadata");
            metadata.put(
                    "annotations", new LinkedHashMap<>(Map.of("bench.clusterproof.io/round", String.valueOf(round))));
        }
        return objects;
    }
}
