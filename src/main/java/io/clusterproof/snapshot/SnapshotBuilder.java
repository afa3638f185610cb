package io.clusterproof.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Gathers one snapshot in memory as a source is read: each object is redacted and normalised at
 * once, reduced to its key and digest, and its compressed body kept only when the store may not
 * have it yet. Redaction happens here, before anything can be stored or logged.
 */
final class SnapshotBuilder implements ObjectSink {

    record Entry(ResourceKey key, String apiVersion, String uid, String digest, boolean controlled) {}

    private final Set<String> knownDigests;
    private final Map<ResourceKey, Entry> entries = new HashMap<>();
    private final Map<String, byte[]> newBodies = new HashMap<>();
    private final Map<String, Integer> sizes = new HashMap<>();
    private final List<ManifestIssue> issues = new ArrayList<>();
    private final BodyCompressor compressor = new BodyCompressor();

    SnapshotBuilder(Set<String> knownDigests) {
        this.knownDigests = knownDigests;
    }

    @Override
    public void accept(Map<String, Object> raw) {
        accept(raw, null);
    }

    /** Adds an object; a second object with the same key replaces the first and is reported. */
    void accept(Map<String, Object> raw, @Nullable String source) {
        var object = ObjectNormaliser.normalise(raw);
        var key = ResourceKey.of(object);
        var bytes = CanonicalJson.bytes(object);
        var digest = CanonicalJson.sha256(bytes);
        if (!knownDigests.contains(digest) && !newBodies.containsKey(digest)) {
            newBodies.put(digest, compressor.gzip(bytes));
            sizes.put(digest, bytes.length);
        }
        var metadata = KubeObjects.map(object, "metadata");
        var previous = entries.put(
                key,
                new Entry(
                        key,
                        KubeObjects.string(object, "apiVersion"),
                        KubeObjects.string(metadata, "uid"),
                        digest,
                        KubeObjects.isControlled(object)));
        if (previous != null && source != null) {
            issues.add(ManifestIssue.warning(source, key.display() + " appears more than once; the last one is kept"));
        }
    }

    /**
     * Adds an object redacted, normalised and digested elsewhere (an agent's push, checked on
     * receipt); {@code gzippedBody} is null when the store already holds that digest.
     */
    void add(Entry entry, byte @Nullable [] gzippedBody, int size) {
        entries.put(entry.key(), entry);
        if (gzippedBody != null) {
            newBodies.put(entry.digest(), gzippedBody);
            sizes.put(entry.digest(), size);
        }
    }

    @Override
    public void discard(String group, String kind) {
        entries.keySet().removeIf(k -> k.group().equals(group) && k.kind().equals(kind));
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    byte @Nullable [] body(String digest) {
        return newBodies.get(digest);
    }

    int size(String digest) {
        return sizes.getOrDefault(digest, 0);
    }

    List<ManifestIssue> issues() {
        return issues;
    }

    int objectCount() {
        return entries.size();
    }
}
