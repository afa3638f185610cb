package io.clusterproof.snapshot;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.base.BaseProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The demo: at first start, unpacks the bundled manifests of the fictional company's cluster to
 * {@code data/demo-cluster}, registers the cluster, stores its generated daily history and then
 * collects it for real. Each snapshot is assessed like any other. Runs in the background; the
 * application serves requests meanwhile.
 */
@Component
class DemoCluster {

    static final String NAME = "northwind-prod";
    private static final Logger log = LoggerFactory.getLogger(DemoCluster.class);

    private final DemoProperties properties;
    private final ClusterRepository clusters;
    private final ClusterService clusterService;
    private final RunBook runBook;
    private final SnapshotCollector collection;
    private final CollectionService collections;
    private final AuditLog auditLog;
    private final BaseProperties base;
    private final TaskExecutor executor;
    private final Clock clock;

    DemoCluster(
            DemoProperties properties,
            ClusterRepository clusters,
            ClusterService clusterService,
            RunBook runBook,
            SnapshotCollector collection,
            CollectionService collections,
            AuditLog auditLog,
            BaseProperties base,
            @Qualifier("collectionExecutor") TaskExecutor executor,
            Clock clock) {
        this.properties = properties;
        this.clusters = clusters;
        this.clusterService = clusterService;
        this.runBook = runBook;
        this.collection = collection;
        this.collections = collections;
        this.auditLog = auditLog;
        this.base = base;
        this.executor = executor;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnFirstStart() {
        if (properties.enabled() && clusters.findByName(NAME).isEmpty()) {
            executor.execute(this::seed);
        }
    }

    void seed() {
        try {
            var directory = unpack();
            var definition = new ClusterDefinition(
                    NAME,
                    "Production cluster of Northwind Health & Pay (demo data)",
                    "prod",
                    "platform",
                    "region=eu-west-1\nprovider=self-managed",
                    SourceType.MANIFESTS,
                    null,
                    null,
                    directory.toAbsolutePath().toString(),
                    "0 0 2 * * *",
                    true);
            var cluster = new Cluster(definition, clock.instant());
            cluster.scheduleNext(clusterService.nextRun(definition));
            cluster = clusters.save(cluster);
            auditLog.recordAs(
                    "demo", AuditEvent.of("CLUSTER_REGISTERED", "cluster", NAME).change(null, cluster.auditState()));
            storeHistory(cluster.id(), directory, properties.historyDays());
            collections.collectAndWait(cluster.id(), RunTrigger.DEMO, "demo");
            log.info(
                    "Demo cluster {} is ready: {} days of history and today's snapshot",
                    NAME,
                    properties.historyDays());
        } catch (RuntimeException e) {
            log.error("The demo cluster could not be prepared", e);
        }
    }

    /** Stores one snapshot a day for the past {@code days} days, at the daily collection time. */
    void storeHistory(long clusterId, Path directory, int days) {
        var today = ManifestReader.read(List.of(directory));
        var current = today.objects().stream().map(ManifestObject::object).toList();
        var history = DemoHistory.read(getClass().getResourceAsStream("/demo/history.yaml"));
        var collectionTime = clock.instant()
                .atZone(base.timeZone())
                .truncatedTo(ChronoUnit.DAYS)
                .withHour(2);
        for (int daysAgo = days; daysAgo >= 1; daysAgo--) {
            Instant takenAt = collectionTime.minusDays(daysAgo).toInstant();
            var objects = history.stateAt(daysAgo, current).stream()
                    .map(o -> new ManifestObject(o, "demo history", 0))
                    .toList();
            var run = runBook.start(clusterId, RunTrigger.DEMO, "demo");
            var snapshot = collection.store(
                    run,
                    takenAt,
                    new ManifestContent(objects, List.of()),
                    directory.toAbsolutePath() + " (history, " + daysAgo + " days ago)");
            runBook.finish(run.id(), RunStatus.SUCCEEDED, snapshot.id(), "generated demo history");
        }
    }

    private Path unpack() {
        var directory = properties.directory();
        try {
            Files.createDirectories(directory);
            var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
            var written = new ArrayList<String>();
            for (var resource : resolver.getResources("classpath*:demo/cluster/*.yaml")) {
                var target = directory.resolve(resource.getFilename());
                try (var in = resource.getInputStream()) {
                    Files.write(target, in.readAllBytes());
                }
                written.add(resource.getFilename());
            }
            log.info("Unpacked {} demo manifest files to {}", written.size(), directory.toAbsolutePath());
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("demo manifests could not be unpacked to " + directory, e);
        }
    }
}
