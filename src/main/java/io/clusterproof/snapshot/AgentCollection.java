package io.clusterproof.snapshot;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One collection on the agent's side, with the server's own code: {@link LiveCollector} reads the
 * cluster and {@link SnapshotBuilder} redacts and normalises each object and digests its canonical
 * JSON, exactly as a server-side collection does, so equal objects give equal digests on both sides.
 * The result is the manifest to sign and the gzip of every body, kept until the push is done.
 */
public final class AgentCollection {

    /** The server's collection defaults (clusterproof.snapshot.*): page size, timeouts, retries. */
    private static final SnapshotProperties DEFAULTS = new SnapshotProperties(
            500,
            Duration.ofSeconds(30),
            3,
            Duration.ofMillis(500),
            "0 0 2 * * *",
            Duration.ofMinutes(2),
            209_715_200L,
            0,
            20_000,
            0,
            Duration.ofDays(7));

    /**
     * What a collection read from the API server, at which versions: a long-running agent keeps the
     * last pushed collection's, so that its next collection does not redact, normalise and digest
     * again what the API server has not written since ({@link ReadVersions}). Held in memory only,
     * by the agent process that computed every digest in it. The collection that starts from it uses
     * it up: an object it looked up is not kept by it again, only read.
     */
    public static final class Reads {

        /** Nothing read before: every object is read. */
        public static final Reads NONE = new Reads(Map.of());

        private final Map<ResourceKey, ReadVersions.Known> known;

        private Reads(Map<ResourceKey, ReadVersions.Known> known) {
            this.known = known;
        }

        private ReadVersions readVersions(Instant at) {
            var period = ReadVersions.period(at, DEFAULTS.fullReadEvery());
            return new ReadVersions(known.isEmpty() ? new HashMap<>() : known, period);
        }
    }

    private final AgentManifest manifest;
    private final SnapshotBuilder builder;

    private AgentCollection(AgentManifest manifest, SnapshotBuilder builder) {
        this.manifest = manifest;
        this.builder = builder;
    }

    /**
     * Collects the cluster through a kubeconfig file (and context), or without one through the
     * pod's service account.
     *
     * @throws IllegalStateException saying why, when the API server cannot be read at all
     */
    public static AgentCollection collect(
            long clusterId, @Nullable Path kubeconfig, @Nullable String context, Clock clock) {
        return collect(clusterId, kubeconfig, context, clock, Reads.NONE);
    }

    /**
     * Collects as {@link #collect(long, Path, String, Clock)} does, keeping the entry of each object
     * the API server lists at the version {@code since} read it at. The bodies of kept objects are
     * not in this collection ({@link #holdsBody}): the server has them from the push of {@code since}.
     */
    public static AgentCollection collect(
            long clusterId, @Nullable Path kubeconfig, @Nullable String context, Clock clock, Reads since) {
        var definition = new ClusterDefinition(
                "agent",
                null,
                null,
                null,
                null,
                kubeconfig == null ? SourceType.IN_CLUSTER : SourceType.KUBECONFIG,
                kubeconfig == null ? null : kubeconfig.toString(),
                context,
                null,
                DEFAULTS.defaultSchedule(),
                true);
        var builder = new SnapshotBuilder(new HashSet<>(), since.readVersions(clock.instant()));
        try (var client = new KubernetesClients(DEFAULTS).connect(definition);
                var pipeline = new PipelinedSink(builder, "agent")) {
            var result = new LiveCollector(client, DEFAULTS).collect(pipeline, CollectionListener.NONE);
            pipeline.awaitAccepted();
            builder.sourceRead();
            var objects = builder.entries().stream()
                    .map(e -> new AgentManifest.Entry(
                            e.key().group(),
                            e.key().kind(),
                            e.key().namespace(),
                            e.key().name(),
                            e.apiVersion(),
                            e.uid(),
                            e.controlled(),
                            e.digest()))
                    .toList();
            var manifest = new AgentManifest(
                    clusterId, clock.instant(), result.kubernetesVersion(), result.missing(), objects);
            return new AgentCollection(manifest, builder);
        } catch (SourceUnreachableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public AgentManifest manifest() {
        return manifest;
    }

    /** How many objects were kept as the collection this one started from read them. */
    public int keptUnchanged() {
        return builder.unchangedReads();
    }

    /**
     * What this collection read, for the next one to start from once it is pushed; the strings many
     * objects repeat (group, kind, namespace, API version) are held once.
     */
    public Reads reads() {
        var known = new HashMap<ResourceKey, ReadVersions.Known>();
        var shared = new HashMap<String, String>();
        for (var entry : builder.entries()) {
            var readVersion = entry.readVersion();
            if (readVersion != null && !entry.uid().isEmpty()) {
                var key = entry.key();
                known.put(
                        new ResourceKey(
                                shared.computeIfAbsent(key.group(), s -> s),
                                shared.computeIfAbsent(key.kind(), s -> s),
                                shared.computeIfAbsent(key.namespace(), s -> s),
                                key.name()),
                        new ReadVersions.Known(
                                shared.computeIfAbsent(entry.apiVersion(), s -> s),
                                entry.uid(),
                                entry.digest(),
                                entry.controlled(),
                                readVersion));
            }
        }
        return new Reads(known);
    }

    /** Whether this collection has the body of {@code digest}: false for objects it kept unread. */
    public boolean holdsBody(String digest) {
        return builder.location(digest) != null;
    }

    /** The gzip of a body's canonical JSON, as the push uploads it. */
    public byte[] gzippedBody(String digest) {
        var body = builder.canonicalBody(digest);
        if (body == null) {
            throw new IllegalArgumentException("this collection has no body " + digest);
        }
        return CanonicalJson.gzip(body);
    }

    /**
     * The digests in the order their bodies were packed, which is the order that reads them
     * fastest; digests this collection has no body for come last.
     */
    public List<String> inPackedOrder(Collection<String> digests) {
        var sorted = new ArrayList<>(digests);
        sorted.sort(Comparator.comparing(
                (String d) -> builder.location(d),
                Comparator.nullsLast(Comparator.comparingInt(SegmentPacker.Location::segment)
                        .thenComparingInt(SegmentPacker.Location::offset))));
        return sorted;
    }
}
