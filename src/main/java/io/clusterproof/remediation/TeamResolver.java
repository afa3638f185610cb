package io.clusterproof.remediation;

import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.SnapshotReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who owns a resource: the first configured label found on the resource (or its pod template),
 * else on its namespace. One resolver per snapshot; namespace labels are read once, and each
 * resource once however many of its checks fail.
 */
final class TeamResolver {

    private final SnapshotReader snapshots;
    private final long snapshotId;
    private final List<String> labels;
    private @Nullable Map<String, Map<String, String>> namespaceLabels;
    private final Map<ResourceKey, Optional<String>> teams = new HashMap<>();

    TeamResolver(SnapshotReader snapshots, long snapshotId, List<String> labels) {
        this.snapshots = snapshots;
        this.snapshotId = snapshotId;
        this.labels = labels;
    }

    @Nullable
    String teamOf(ResourceKey resource) {
        return teams.computeIfAbsent(resource, r -> Optional.ofNullable(resolve(r)))
                .orElse(null);
    }

    private @Nullable String resolve(ResourceKey resource) {
        var object = resource.name().startsWith("(")
                ? null
                : snapshots.object(snapshotId, resource).orElse(null);
        if (object != null) {
            var own = pick(KubeObjects.labels(object.body()));
            if (own != null) {
                return own;
            }
            var template =
                    KubeObjects.map(KubeObjects.map(KubeObjects.map(object.body(), "spec"), "template"), "metadata");
            var fromTemplate = pick(KubeObjects.labels(Map.of("metadata", template)));
            if (fromTemplate != null) {
                return fromTemplate;
            }
        }
        var namespace = resource.kind().equals("Namespace") ? resource.name() : resource.namespace();
        if (namespaceLabels == null) {
            namespaceLabels = snapshots.namespaceLabels(snapshotId);
        }
        return pick(namespaceLabels.getOrDefault(namespace, Map.of()));
    }

    private @Nullable String pick(Map<String, String> candidates) {
        for (var label : labels) {
            var value = candidates.get(label);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
