package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.SyntheticCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void canonical_bytes_are_what_jackson_writes_with_sorted_keys_for_every_fixture_and_synthetic_object()
            throws Exception {
        var objects = new ArrayList<Map<String, Object>>();
        ManifestReader.read(List.of(Path.of("compliance-mappings", "checks")))
                .objects()
                .forEach(o -> objects.add(o.object()));
        objects.addAll(new SyntheticCluster(3, 5, 2).objects());
        assertThat(objects).hasSizeGreaterThan(500);

        for (var object : objects) {
            assertThat(new String(CanonicalJson.bytes(object)))
                    .isEqualTo(CanonicalJson.MAPPER.writeValueAsString(object));
            var normalised = ObjectNormaliser.normalise(object);
            assertThat(new String(CanonicalJson.bytes(normalised)))
                    .isEqualTo(CanonicalJson.MAPPER.writeValueAsString(normalised));
        }
    }

    @Test
    void keys_are_sorted_at_every_depth_and_scalars_keep_their_json_form() {
        var inner = new LinkedHashMap<String, Object>();
        inner.put("z", 1.5);
        inner.put("a", null);
        inner.put("m", List.of(3L, true, "x\"y", Map.of("b", 2, "a", 1)));
        var object = new LinkedHashMap<String, Object>();
        object.put("kind", "Pod");
        object.put("apiVersion", "v1");
        object.put("spec", inner);

        assertThat(new String(CanonicalJson.bytes(object)))
                .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"a\":null,\"m\":[3,true,\"x\\\"y\","
                        + "{\"a\":1,\"b\":2}],\"z\":1.5}}");
    }
}
