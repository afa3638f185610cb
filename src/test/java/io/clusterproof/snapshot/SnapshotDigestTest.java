package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SnapshotDigestTest {

    @Test
    void a_snapshot_digest_is_the_sha256_of_its_sorted_key_and_body_digest_lines() {
        var entries = new ArrayList<SnapshotBuilder.Entry>();
        for (int i = 30; i > 0; i--) {
            var key = new ResourceKey(
                    i % 3 == 0 ? "" : "apps", i % 2 == 0 ? "Pod" : "Deployment", "ns-" + i % 4, "n-" + i);
            entries.add(
                    new SnapshotBuilder.Entry(key, "v1", "uid-" + i, CanonicalJson.sha256("body " + i), false, null));
        }
        var expected = entries.stream()
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .map(e -> e.key().group() + "/" + e.key().kind() + "/" + e.key().namespace() + "/"
                        + e.key().name() + "@" + e.digest())
                .collect(Collectors.joining("\n"));

        assertThat(SnapshotWriter.digestOf(entries)).isEqualTo(CanonicalJson.sha256(expected));
        var reversed = new ArrayList<>(entries);
        Collections.reverse(reversed);
        assertThat(SnapshotWriter.digestOf(reversed)).isEqualTo(SnapshotWriter.digestOf(entries));
    }

    @Test
    void keys_sort_by_group_then_kind_then_namespace_then_name() {
        var a = new ResourceKey("", "Pod", "b", "a");
        var b = new ResourceKey("", "Pod", "b", "b");
        var c = new ResourceKey("", "Service", "a", "a");
        var d = new ResourceKey("apps", "Deployment", "a", "a");
        var keys = new ArrayList<>(List.of(d, c, b, a));
        keys.sort(null);
        assertThat(keys).containsExactly(a, b, c, d);
    }
}
