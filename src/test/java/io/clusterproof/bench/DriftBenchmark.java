package io.clusterproof.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.base.SqlTime;
import io.clusterproof.drift.ChangeFilter;
import io.clusterproof.drift.ChangeType;
import io.clusterproof.drift.DriftService;
import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.ObjectNormaliser;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.SyntheticCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The diff of two 50,000-object snapshots with 1% of the objects changed: both stored the way the
 * snapshot writer stores them (gzip canonical JSON bodies by digest, version rows valid from one
 * snapshot to another), then the whole diff timed: the digest comparison in SQL, and the
 * field-level diff of every changed object. Run with {@code ./mvnw -Pbenchmark verify}.
 */
@IntegrationTest
class DriftBenchmark {

    static final int OBJECTS = Integer.getInteger("benchmark.objects", 50_000);
    static final int CHANGED_EVERY = 100;

    private record Row(ResourceKey key, String apiVersion, String digest, boolean controlled) {}

    @Autowired
    TestClusters clusters;

    @Autowired
    DriftService drift;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void diff_two_large_snapshots_with_one_percent_changed() {
        var cluster = clusters.manifests("bench-drift", dir);
        var objects = SyntheticCluster.ofSize(OBJECTS).objects();
        var first = snapshot(cluster.id(), Instant.parse("2026-11-24T02:00:00Z"), objects.size());
        var firstRows = store(objects);
        insertRows(cluster.id(), first, firstRows);

        int changed = 0;
        var secondRows = new ArrayList<Row>();
        var closed = new ArrayList<Row>();
        for (int i = 0; i < objects.size(); i++) {
            if (i % CHANGED_EVERY == CHANGED_EVERY / 2) {
                change(objects.get(i), i);
                changed++;
            }
        }
        var second = snapshot(cluster.id(), Instant.parse("2026-11-25T02:00:00Z"), objects.size());
        var rows = store(objects);
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).digest().equals(firstRows.get(i).digest())) {
                secondRows.add(rows.get(i));
                closed.add(firstRows.get(i));
            }
        }
        insertRows(cluster.id(), second, secondRows);
        closeRows(cluster.id(), first, closed);
        objects = null;

        // the first run pays for class loading and JIT, and is reported apart
        var coldStarted = System.nanoTime();
        run(first, second);
        var coldSeconds = (System.nanoTime() - coldStarted) / 1e9;
        try (var heap = HeapSampler.start()) {
            var started = System.nanoTime();
            var result = run(first, second);
            var seconds = (System.nanoTime() - started) / 1e9;

            var figures = new LinkedHashMap<String, Object>();
            figures.put("drift.objects", rows.size());
            figures.put("drift.changed", result.changed());
            figures.put("drift.field_changes", result.fields());
            figures.put("drift.seconds", seconds);
            figures.put("drift.first_run_seconds", coldSeconds);
            figures.put("drift.peak_heap_mib", heap.peakMiB());
            figures.put("drift.peak_heap_above_input_mib", heap.peakAboveBaselineMiB());
            BenchmarkReport.put(figures);
            assertThat(result.changed()).isEqualTo(changed).isEqualTo(secondRows.size());
            assertThat(result.fields()).isGreaterThanOrEqualTo(changed);
        }
    }

    private record Result(int changed, int fields) {}

    private Result run(long first, long second) {
        var summary = drift.summary(first, second);
        int[] fields = {0};
        int[] changed = {0};
        drift.forEachChange(first, second, ChangeFilter.all(), change -> {
            if (change.type() == ChangeType.CHANGED) {
                changed[0]++;
                fields[0] += change.fields().size();
            }
        });
        assertThat(summary.changed() + summary.controlledChanges()).isEqualTo(changed[0]);
        return new Result(changed[0], fields[0]);
    }

    /** One percent of the objects change as they do in life: an image, a label, a replica count. */
    @SuppressWarnings("unchecked")
    private static void change(Map<String, Object> object, int i) {
        var metadata = (Map<String, Object>) object.get("metadata");
        var labels = (Map<String, Object>) metadata.computeIfAbsent("labels", k -> new LinkedHashMap<>());
        labels.put("release", "r" + i);
        var spec = KubeObjects.map(object, "spec");
        if (spec.get("replicas") instanceof Long replicas) {
            spec.put("replicas", replicas + 1);
        }
        var template = KubeObjects.map(KubeObjects.map(spec, "template"), "spec");
        for (var container : KubeObjects.list(template, "containers")) {
            ((Map<String, Object>) container).put("image", "registry.northwind.example/app:" + i);
        }
    }

    private long snapshot(long clusterId, Instant takenAt, int objects) {
        jdbc.update("""
                insert into collection_run (cluster_id, run_trigger, status, requested_by, started_at, heartbeat_at,
                    finished_at, kinds_total, kinds_done, objects)
                values (?, 'MANUAL', 'SUCCEEDED', 'benchmark', ?, ?, ?, 1, 1, ?)
                """, clusterId, SqlTime.of(takenAt), SqlTime.of(takenAt), SqlTime.of(takenAt), objects);
        var run = jdbc.queryForObject("select max(id) from collection_run where cluster_id = ?", Long.class, clusterId);
        jdbc.update("""
                insert into snapshot (cluster_id, run_id, taken_at, status, object_count, added_count, changed_count,
                    removed_count, stored_bytes, digest, source)
                values (?, ?, ?, 'COMPLETE', ?, 0, 0, 0, 0, 'benchmark', 'synthetic')
                """, clusterId, run, SqlTime.of(takenAt), objects);
        return jdbc.queryForObject("select max(id) from snapshot where cluster_id = ?", Long.class, clusterId);
    }

    /** Normalises each object and stores its body once per digest, as the snapshot writer does. */
    private List<Row> store(List<Map<String, Object>> objects) {
        var rows = new ArrayList<Row>(objects.size());
        var bodies = new HashMap<String, byte[]>();
        for (var original : objects) {
            var object = CanonicalJson.parse(CanonicalJson.bytes(original));
            ObjectNormaliser.normalise(object);
            var json = CanonicalJson.bytes(object);
            var digest = CanonicalJson.sha256(json);
            bodies.computeIfAbsent(digest, d -> gzip(json));
            rows.add(new Row(
                    ResourceKey.of(object),
                    String.valueOf(object.get("apiVersion")),
                    digest,
                    KubeObjects.isControlled(object)));
        }
        var existing = new HashSet<>(jdbc.queryForList("select digest from resource_body", String.class));
        var fresh = bodies.entrySet().stream()
                .filter(e -> !existing.contains(e.getKey()))
                .toList();
        jdbc.batchUpdate(
                "insert into resource_body (digest, body, size_bytes) values (?, ?, ?)", fresh, 1000, (s, e) -> {
                    s.setString(1, e.getKey());
                    s.setBytes(2, e.getValue());
                    s.setInt(3, e.getValue().length);
                });
        return rows;
    }

    private void insertRows(long clusterId, long snapshotId, List<Row> rows) {
        jdbc.batchUpdate("""
                insert into resource_state (cluster_id, api_group, api_version, kind, namespace, name, uid, digest,
                    controlled, valid_from, valid_to)
                values (?, ?, ?, ?, ?, ?, null, ?, ?, ?, null)
                """, rows, 1000, (s, row) -> {
            s.setLong(1, clusterId);
            s.setString(2, row.key().group());
            s.setString(3, row.apiVersion());
            s.setString(4, row.key().kind());
            s.setString(5, row.key().namespace());
            s.setString(6, row.key().name());
            s.setString(7, row.digest());
            s.setBoolean(8, row.controlled());
            s.setLong(9, snapshotId);
        });
    }

    /** The rows the second snapshot replaced were last valid in the first. */
    private void closeRows(long clusterId, long lastValid, List<Row> rows) {
        jdbc.batchUpdate("""
                update resource_state set valid_to = ? where cluster_id = ? and api_group = ? and kind = ?
                    and namespace = ? and name = ? and valid_from = ?
                """, rows, 1000, (s, row) -> {
            s.setLong(1, lastValid);
            s.setLong(2, clusterId);
            s.setString(3, row.key().group());
            s.setString(4, row.key().kind());
            s.setString(5, row.key().namespace());
            s.setString(6, row.key().name());
            s.setLong(7, lastValid);
        });
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
