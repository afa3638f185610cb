package io.clusterproof.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Gathers one snapshot in memory as a source is read: each object is redacted and normalised at
 * once, reduced to its key and digest, and its body packed into a compressed segment only when the
 * store may not have it yet. Redaction happens here, before anything can be stored or logged.
 * Objects are kept in the order they were read, which is the order their bodies were packed in.
 * A live collection's objects that the API server has not written since they were stored are taken
 * as stored ({@link ReadVersions}).
 */
final class SnapshotBuilder implements ObjectSink {

    /**
     * @param readVersion what {@link ReadVersions#token} records of a live read; null for objects
     *     read from anything else
     */
    record Entry(
            ResourceKey key,
            String apiVersion,
            String uid,
            String digest,
            boolean controlled,
            @Nullable String readVersion) {}

    private final Set<String> knownDigests;
    private final ReadVersions readVersions;
    private final Map<ResourceKey, Entry> entries = new LinkedHashMap<>();
    private final Map<String, SegmentPacker.Location> packed = new HashMap<>();
    private final Map<String, byte[]> gzipped = new HashMap<>();
    private final Map<String, Integer> gzippedSizes = new HashMap<>();
    private final List<ManifestIssue> issues = new ArrayList<>();
    private final SegmentPacker packer = new SegmentPacker();
    private @Nullable InflatedSegments unpacked;

    SnapshotBuilder(Set<String> knownDigests) {
        this(knownDigests, ReadVersions.none());
    }

    /** For a live collection: objects unchanged since {@code readVersions} was stored are not read again. */
    SnapshotBuilder(Set<String> knownDigests, ReadVersions readVersions) {
        this.knownDigests = knownDigests;
        this.readVersions = readVersions;
    }

    @Override
    public void readingFrom(@Nullable String serverVersion) {
        readVersions.readingFrom(serverVersion);
    }

    /** What was read so far records no read: the API server's version changed while it was read. */
    @Override
    public void serverChanged() {
        readVersions.readingFrom(null);
        entries.replaceAll((key, entry) -> entry.readVersion() == null
                ? entry
                : new Entry(key, entry.apiVersion(), entry.uid(), entry.digest(), entry.controlled(), null));
    }

    /** Adds an object as the API server listed it. */
    @Override
    public void accept(Map<String, Object> raw) {
        var key = ResourceKey.of(raw);
        var unchanged = readVersions.unchanged(key, raw);
        if (unchanged != null) {
            entries.put(key, unchanged);
            return;
        }
        var metadata = KubeObjects.map(raw, "metadata");
        // read before normalising, which drops the version as volatile
        var readVersion = readVersions.token(
                key, KubeObjects.string(metadata, "uid"), KubeObjects.string(metadata, "resourceVersion"));
        add(raw, readVersion);
    }

    /** Adds an object read from {@code source}; a second object with the same key replaces the first and is reported. */
    void accept(Map<String, Object> raw, String source) {
        var previous = add(raw, null);
        if (previous != null) {
            issues.add(ManifestIssue.warning(
                    source, previous.key().display() + " appears more than once; the last one is kept"));
        }
    }

    private @Nullable Entry add(Map<String, Object> raw, @Nullable String readVersion) {
        var object = ObjectNormaliser.normalise(raw);
        var key = ResourceKey.of(object);
        var bytes = CanonicalJson.bytes(object);
        var digest = CanonicalJson.sha256(bytes);
        if (!knownDigests.contains(digest) && !packed.containsKey(digest)) {
            packed.put(digest, packer.add(bytes));
        }
        var metadata = KubeObjects.map(object, "metadata");
        return entries.put(
                key,
                new Entry(
                        key,
                        KubeObjects.string(object, "apiVersion"),
                        KubeObjects.string(metadata, "uid"),
                        digest,
                        KubeObjects.isControlled(object),
                        readVersion));
    }

    /**
     * Adds an object redacted, normalised and digested elsewhere (an agent's push, checked on
     * receipt); {@code gzippedBody} is null when the store already holds that digest.
     */
    void add(Entry entry, byte @Nullable [] gzippedBody, int size) {
        entries.put(entry.key(), entry);
        if (gzippedBody != null) {
            gzipped.put(entry.digest(), gzippedBody);
            gzippedSizes.put(entry.digest(), size);
        }
    }

    @Override
    public void discard(String group, String kind) {
        entries.keySet().removeIf(k -> k.group().equals(group) && k.kind().equals(kind));
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Whether this snapshot brings the body of {@code digest} (packed or gzipped alone). */
    boolean holds(String digest) {
        return packed.containsKey(digest) || gzipped.containsKey(digest);
    }

    /** Where the body of {@code digest} was packed; null when it came gzipped alone or not at all. */
    SegmentPacker.@Nullable Location location(String digest) {
        return packed.get(digest);
    }

    /** Every segment packed, closed. */
    List<SegmentPacker.Segment> segments() {
        return packer.segments();
    }

    /** The gzip of a body that came gzipped alone (an agent's upload), or null. */
    byte @Nullable [] gzipped(String digest) {
        return gzipped.get(digest);
    }

    int gzippedSize(String digest) {
        return gzippedSizes.getOrDefault(digest, 0);
    }

    /** The canonical JSON of a body packed here, or null when this snapshot did not pack it. */
    byte @Nullable [] canonicalBody(String digest) {
        var location = packed.get(digest);
        if (location == null) {
            return null;
        }
        if (unpacked == null) {
            unpacked = new InflatedSegments(index -> packer.segment((int) index).gzip());
        }
        return unpacked.body(location.segment(), location.offset(), location.size());
    }

    List<ManifestIssue> issues() {
        return issues;
    }

    int objectCount() {
        return entries.size();
    }

    /** Called once the source is read: what was stored of objects not listed again is not needed. */
    void sourceRead() {
        readVersions.forgetUnlisted();
    }

    /** How many objects of a live collection were taken as stored, unchanged since they were read. */
    int unchangedReads() {
        return readVersions.reused();
    }
}
