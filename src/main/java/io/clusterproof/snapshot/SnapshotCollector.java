package io.clusterproof.snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Carries out one run: reads the cluster's source into a {@link SnapshotBuilder}, stores the
 * snapshot in one transaction, and records the outcome. A source that cannot be read gives a
 * FAILED run and no snapshot; a kind that cannot be read gives a PARTIAL snapshot.
 */
@Component
class SnapshotCollector {

    private static final Logger log = LoggerFactory.getLogger(SnapshotCollector.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final KubernetesClients clients;
    private final SnapshotWriter writer;
    private final LiveReadStart liveReadStart;
    private final RunBook runBook;
    private final SnapshotProperties properties;
    private final Clock clock;
    private final CollectionMetrics metrics;
    private final TaskScheduler scheduler;

    SnapshotCollector(
            KubernetesClients clients,
            SnapshotWriter writer,
            LiveReadStart liveReadStart,
            RunBook runBook,
            SnapshotProperties properties,
            Clock clock,
            CollectionMetrics metrics,
            TaskScheduler scheduler) {
        this.clients = clients;
        this.writer = writer;
        this.liveReadStart = liveReadStart;
        this.runBook = runBook;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
        this.scheduler = scheduler;
    }

    RunSummary run(CollectionRun run, ClusterDefinition cluster) {
        var started = clock.instant();
        // a heartbeat of its own: one kind of a large cluster, or storing its snapshot, can take
        // longer than a run may stay silent before it is taken for interrupted
        var heartbeat = scheduler.scheduleWithFixedDelay(() -> runBook.beat(run.id()), HEARTBEAT);
        RunSummary result;
        try {
            result = collect(run, cluster, started);
        } finally {
            heartbeat.cancel(false);
        }
        metrics.record(cluster.name(), result.status(), Duration.between(started, clock.instant()));
        return result;
    }

    private RunSummary collect(CollectionRun run, ClusterDefinition cluster, Instant started) {
        try {
            var builder = switch (cluster.sourceType()) {
                case KUBECONFIG, IN_CLUSTER -> liveBuilder(run.clusterId());
                default -> new SnapshotBuilder(writer.currentDigests(run.clusterId()));
            };
            var listener = throttled(run.id());
            CollectionPhases.Stored stored = switch (cluster.sourceType()) {
                case KUBECONFIG, IN_CLUSTER -> collectLive(run, cluster, builder, listener);
                case MANIFESTS -> collectManifests(run, cluster, builder, listener);
                case UPLOAD ->
                    throw new SourceUnreachableException(
                            cluster.name() + " receives snapshots by upload only; upload a dump instead");
                case AGENT ->
                    throw new SourceUnreachableException(
                            cluster.name() + " is collected by its agent inside the cluster; ask the agent to collect");
            };
            var snapshot = stored.snapshot();
            metrics.phases(cluster.name(), stored.phases());
            var status = snapshot.status() == SnapshotStatus.PARTIAL ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
            log.info(
                    "Collected {}: {} objects ({} added, {} changed, {} removed; {} not written since they were read)"
                            + " in {} ms (read {} ms, stored {} ms)",
                    cluster.name(),
                    snapshot.objects(),
                    snapshot.added(),
                    snapshot.changed(),
                    snapshot.removed(),
                    builder.unchangedReads(),
                    Duration.between(started, clock.instant()).toMillis(),
                    stored.phases().read().toMillis(),
                    stored.phases().store().toMillis());
            return runBook.finish(run.id(), status, snapshot.id(), null);
        } catch (SourceUnreachableException e) {
            log.warn("Collection of {} failed: {}", cluster.name(), e.getMessage());
            return runBook.finish(run.id(), RunStatus.FAILED, null, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Collection of {} failed unexpectedly", cluster.name(), e);
            return runBook.finish(run.id(), RunStatus.FAILED, null, "unexpected error: " + e.getMessage());
        }
    }

    /** A builder that takes objects the API server has not written since their last read as stored. */
    private SnapshotBuilder liveBuilder(long clusterId) {
        var current = liveReadStart.of(clusterId, ReadVersions.period(clock.instant(), properties.fullReadEvery()));
        return new SnapshotBuilder(current.digests(), current.readVersions());
    }

    /** Stores a snapshot of objects read elsewhere (an upload, a backfill). */
    SnapshotSummary store(CollectionRun run, Instant takenAt, ManifestContent content, Provenance source) {
        var builder = new SnapshotBuilder(writer.currentDigests(run.clusterId()));
        content.objects().forEach(o -> builder.accept(o.object(), o.source()));
        return writer.write(
                run.clusterId(), run.id(), takenAt, builder, List.of(), issues(content, builder), null, source);
    }

    private CollectionPhases.Stored collectLive(
            CollectionRun run, ClusterDefinition cluster, SnapshotBuilder builder, CollectionListener listener) {
        var stopwatch = new CollectionPhases.Stopwatch();
        try (var client = clients.connect(cluster);
                var pipeline = new PipelinedSink(builder, cluster.name())) {
            var result = new LiveCollector(client, properties).collect(pipeline, listener);
            pipeline.awaitAccepted();
            builder.sourceRead();
            stopwatch.read();
            var source = Provenance.live(client.getMasterUrl().toString()
                    + (cluster.sourceType() == SourceType.IN_CLUSTER
                            ? " (in-cluster service account)"
                            : cluster.kubeContext() == null ? "" : " (context " + cluster.kubeContext() + ")"));
            var snapshot = writer.write(
                    run.clusterId(),
                    run.id(),
                    clock.instant(),
                    builder,
                    result.missing(),
                    builder.issues(),
                    result.kubernetesVersion(),
                    source);
            return new CollectionPhases.Stored(snapshot, stopwatch.stored());
        }
    }

    private CollectionPhases.Stored collectManifests(
            CollectionRun run, ClusterDefinition cluster, SnapshotBuilder builder, CollectionListener listener) {
        var stopwatch = new CollectionPhases.Stopwatch();
        var pathText = cluster.manifestPath();
        if (pathText == null || pathText.isBlank()) {
            throw new SourceUnreachableException("no manifest path is configured for cluster " + cluster.name());
        }
        var path = Path.of(pathText);
        if (!Files.exists(path)) {
            throw new SourceUnreachableException("manifest path " + path + " does not exist");
        }
        var content = ManifestReader.read(List.of(path));
        if (content.objects().isEmpty()) {
            var first = content.issues().isEmpty()
                    ? "it holds no manifests"
                    : content.issues().get(0).source() + " "
                            + content.issues().get(0).message();
            throw new SourceUnreachableException("manifest path " + path + " gave no objects: " + first);
        }
        content.objects().forEach(o -> builder.accept(o.object(), o.source()));
        listener.progress(1, 1, builder.objectCount());
        stopwatch.read();
        var snapshot = writer.write(
                run.clusterId(),
                run.id(),
                clock.instant(),
                builder,
                List.of(),
                issues(content, builder),
                null,
                Provenance.manifests(path.toAbsolutePath().toString()));
        return new CollectionPhases.Stored(snapshot, stopwatch.stored());
    }

    private static List<ManifestIssue> issues(ManifestContent content, SnapshotBuilder builder) {
        return Stream.concat(content.issues().stream(), builder.issues().stream())
                .toList();
    }

    /** Writes progress at most every few seconds: it is a heartbeat too, and must not slow the run down. */
    private CollectionListener throttled(long runId) {
        var last = new Instant[] {Instant.MIN};
        return (kindsDone, kindsTotal, objects) -> {
            var now = clock.instant();
            if (kindsDone == kindsTotal || Duration.between(last[0], now).compareTo(HEARTBEAT) >= 0) {
                last[0] = now;
                runBook.progress(runId, kindsDone, kindsTotal, objects);
            }
        };
    }
}
