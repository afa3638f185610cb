package io.clusterproof.snapshot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a collection must do to every object before anything is stored, measured alone: parse the
 * list pages, put the type fields back, normalise, redact, write canonical JSON, digest it and
 * compress the body, exactly as {@link SnapshotBuilder} does during a collection; no HTTP and no
 * database. The best of a few passes, in CPU time of the calling thread.
 */
public final class ProcessingCost {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    private ProcessingCost() {}

    /** CPU seconds of the best of {@code passes}; the object count is checked against {@code expected}. */
    public static double cpuSeconds(List<byte[]> pages, int passes, int expected) throws IOException {
        var cpu = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < passes; pass++) {
            var builder = new SnapshotBuilder(Set.of());
            var started = cpu.getCurrentThreadCpuTime();
            for (var page : pages) {
                @SuppressWarnings("unchecked")
                Map<String, Object> list = JSON.readValue(page, Map.class);
                var kind = ((String) list.get("kind")).replaceFirst("List$", "");
                var apiVersion = (String) list.get("apiVersion");
                @SuppressWarnings("unchecked")
                var items = (List<Map<String, Object>>) list.get("items");
                for (var item : items) {
                    var object = new LinkedHashMap<String, Object>();
                    object.put("apiVersion", apiVersion);
                    object.put("kind", kind);
                    item.forEach(object::putIfAbsent);
                    builder.accept(object);
                }
            }
            best = Math.min(best, (cpu.getCurrentThreadCpuTime() - started) / 1e9);
            if (builder.objectCount() != expected) {
                throw new IllegalStateException(
                        "processed " + builder.objectCount() + " objects, expected " + expected);
            }
        }
        return best;
    }
}
