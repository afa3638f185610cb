package io.clusterproof.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.clusterproof.snapshot.MockApiServer;
import io.clusterproof.snapshot.RunStatus;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.SyntheticCluster;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Collect and store a 50,000-object cluster served by fabric8's mock API server over HTTP, twice;
 * and, for the floor, Jackson alone on the same list responses. Run with {@code ./mvnw -Pbenchmark verify}.
 */
@IntegrationTest
class CollectionBenchmark {

    static final int OBJECTS = Integer.getInteger("benchmark.objects", 50_000);

    @Autowired
    TestClusters clusters;

    @Autowired
    SnapshotReader snapshots;

    @TempDir
    Path dir;

    @Test
    void collect_and_store_a_large_cluster() throws Exception {
        try (var api = new MockApiServer()) {
            var objects = SyntheticCluster.ofSize(OBJECTS).objects();
            api.load(objects);
            var cluster = clusters.kubeconfig("bench-collect", api.kubeconfig(dir));
            api.dispatcher.recordPages = true;

            long started;
            RunStatus status;
            long snapshotId;
            double peak;
            double seconds;
            try (var heap = HeapSampler.start()) {
                started = System.nanoTime();
                var run = clusters.collect(cluster);
                seconds = (System.nanoTime() - started) / 1e9;
                peak = heap.peakAboveBaselineMiB();
                status = run.status();
                snapshotId = run.snapshotId();
            }
            api.dispatcher.recordPages = false;
            assertThat(status).isEqualTo(RunStatus.SUCCEEDED);
            var first = snapshots.summary(snapshotId).orElseThrow();
            var second =
                    snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();

            var mapper = JsonMapper.builder()
                    .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                    .build();
            var floorStarted = System.nanoTime();
            for (var page : api.dispatcher.pages) {
                mapper.readValue(page, Map.class);
            }
            var floor = (System.nanoTime() - floorStarted) / 1e9;

            var figures = new LinkedHashMap<String, Object>();
            figures.put("collect.objects", first.objects());
            figures.put("collect.seconds", seconds);
            figures.put("collect.objects_per_second", first.objects() / seconds);
            figures.put("collect.peak_heap_mib", peak);
            figures.put("collect.first_snapshot_stored_bytes", first.storedBytes());
            figures.put("collect.second_unchanged_snapshot_stored_bytes", second.storedBytes());
            figures.put("collect.second_snapshot_percent_of_first", 100.0 * second.storedBytes() / first.storedBytes());
            figures.put("collect.jackson_parse_floor_seconds", floor);
            figures.put("collect.list_pages", api.dispatcher.pages.size());
            BenchmarkReport.put(figures);
            assertThat(first.objects()).isEqualTo(objects.size());
        }
    }
}
