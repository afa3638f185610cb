package io.clusterproof.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.ResourceKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The demo cluster's past, told as changes that are undone: each change says when it happened and
 * what the object looked like before (or that it did not exist). The state on any earlier day is
 * today's objects with every change not yet made undone.
 */
final class DemoHistory {

    record Change(
            int daysAgo,
            String summary,
            ResourceKey key,
            @Nullable Map<String, Object> before) {}

    private final List<Change> changes;

    private DemoHistory(List<Change> changes) {
        this.changes = changes;
    }

    /** The history bundled with the demo cluster's manifests. */
    static DemoHistory bundled() {
        try (var in = DemoHistory.class.getResourceAsStream("/demo/history.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the bundled demo history /demo/history.yaml is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled demo history cannot be read", e);
        }
    }

    @SuppressWarnings("unchecked")
    static DemoHistory read(InputStream in) {
        try {
            var mapper = YAMLMapper.builder()
                    .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                    .build();
            Map<String, Object> document = mapper.readValue(in, Map.class);
            var changes = new ArrayList<Change>();
            for (var raw : KubeObjects.list(document, "changes")) {
                var change = (Map<String, Object>) raw;
                var resource = KubeObjects.map(change, "resource");
                var key = new ResourceKey(
                        ResourceKey.groupOf(KubeObjects.string(resource, "apiVersion")),
                        KubeObjects.string(resource, "kind"),
                        KubeObjects.string(resource, "namespace"),
                        KubeObjects.string(resource, "name"));
                var before = change.get("before") instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
                changes.add(new Change(
                        ((Number) Objects.requireNonNull(change.get("daysAgo"), "daysAgo")).intValue(),
                        KubeObjects.string(change, "summary"),
                        key,
                        before));
            }
            return new DemoHistory(changes);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled demo history cannot be read", e);
        }
    }

    /**
     * The objects as they were {@code daysAgo} days ago, at the time of the daily collection: a
     * change made that day or later had not happened yet.
     */
    List<Map<String, Object>> stateAt(int daysAgo, List<Map<String, Object>> today) {
        var state = new LinkedHashMap<ResourceKey, Map<String, Object>>();
        today.forEach(o -> state.put(ResourceKey.of(o), o));
        var pending = changes.stream()
                .filter(c -> c.daysAgo() <= daysAgo)
                .sorted(Comparator.comparingInt(Change::daysAgo))
                .toList();
        // undo from the most recent change back to the first one still pending
        for (var change : pending) {
            if (change.before() == null) {
                state.remove(change.key());
            } else {
                state.put(change.key(), change.before());
            }
        }
        // fresh copies: storing a snapshot normalises its objects in place
        return state.values().stream()
                .map(o -> CanonicalJson.parse(CanonicalJson.bytes(o)))
                .toList();
    }

    List<Change> changes() {
        return changes;
    }
}
