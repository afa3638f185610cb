package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PipelinedSinkTest {

    @Test
    void the_builder_holds_every_object_handed_over_once_the_sink_has_caught_up() {
        var builder = new SnapshotBuilder(new HashSet<>());
        try (var sink = new PipelinedSink(builder, "test")) {
            for (int i = 0; i < 1_001; i++) {
                sink.accept(configMap("cm-" + i, "v"));
            }
            sink.awaitAccepted();

            assertThat(builder.objectCount()).isEqualTo(1_001);
        }
    }

    @Test
    void a_kind_discarded_loses_what_came_before_and_keeps_what_comes_after() {
        var builder = new SnapshotBuilder(new HashSet<>());
        try (var sink = new PipelinedSink(builder, "test")) {
            for (int i = 0; i < 600; i++) {
                sink.accept(configMap("before-" + i, "v"));
            }
            sink.discard("", "ConfigMap");
            sink.accept(configMap("after", "v"));
            sink.awaitAccepted();

            assertThat(builder.entries()).extracting(e -> e.key().name()).containsExactly("after");
        }
    }

    @Test
    void an_object_the_builder_cannot_take_fails_the_collection_at_its_next_hand_over() {
        var builder = new SnapshotBuilder(new HashSet<>());
        try (var sink = new PipelinedSink(builder, "test")) {
            var broken = configMap("broken", "v");
            broken.put("data", new LinkedHashMap<>(Map.of("key", new Object())));
            sink.accept(broken);

            assertThatThrownBy(sink::awaitAccepted)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot be written as JSON");
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 1_000; i++) {
                            sink.accept(configMap("later-" + i, "v"));
                        }
                    })
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @Timeout(60) // before the fix the collector waited for ever
    void an_error_while_building_reaches_the_collector_instead_of_leaving_it_waiting() {
        var builder = new SnapshotBuilder(new HashSet<>());
        try (var sink = new PipelinedSink(builder, "test")) {
            var deep = new LinkedHashMap<String, Object>(configMap("deep", "v")) {
                @Override
                public Object get(Object key) {
                    if ("kind".equals(key)) {
                        throw new StackOverflowError("too deep");
                    }
                    return super.get(key);
                }
            };
            sink.accept(deep);

            assertThatThrownBy(sink::awaitAccepted)
                    .isInstanceOf(StackOverflowError.class)
                    .hasMessage("too deep");
        }
    }

    private static Map<String, Object> configMap(String name, String value) {
        var object = new LinkedHashMap<String, Object>();
        object.put("apiVersion", "v1");
        object.put("kind", "ConfigMap");
        object.put("metadata", new LinkedHashMap<>(Map.of("name", name, "namespace", "default")));
        object.put("data", new LinkedHashMap<>(Map.of("key", value)));
        return object;
    }
}
