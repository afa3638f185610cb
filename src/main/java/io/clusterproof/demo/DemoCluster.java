package io.clusterproof.demo;

import io.clusterproof.access.ActingAs;
import io.clusterproof.access.Role;
import io.clusterproof.snapshot.ClusterDefinition;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.CollectionService;
import io.clusterproof.snapshot.RunTrigger;
import io.clusterproof.snapshot.SourceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.task.TaskExecutor;

/**
 * The demo cluster: at first start, unpacks the bundled manifests of the fictional company's
 * cluster to {@code data/demo-cluster}, registers the cluster, backfills its generated daily
 * history and then collects it for real. Each snapshot is assessed like any other. Runs in the
 * background; the application serves requests meanwhile.
 */
class DemoCluster {

    static final String NAME = "northwind-prod";
    private static final Logger log = LoggerFactory.getLogger(DemoCluster.class);

    private final DemoProperties properties;
    private final ClusterService clusters;
    private final CollectionService collections;
    private final DemoHistoryWriter history;
    private final TaskExecutor executor;

    DemoCluster(
            DemoProperties properties,
            ClusterService clusters,
            CollectionService collections,
            DemoHistoryWriter history,
            TaskExecutor executor) {
        this.properties = properties;
        this.clusters = clusters;
        this.collections = collections;
        this.history = history;
        this.executor = executor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnFirstStart() {
        if (clusters.findByName(NAME).isEmpty()) {
            executor.execute(() -> ActingAs.run(DemoUsers.ACTOR, Role.ADMIN, this::seed));
        }
    }

    private void seed() {
        try {
            var directory = unpack();
            var cluster = clusters.register(new ClusterDefinition(
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
                    true));
            history.store(cluster.id(), directory, properties.historyDays());
            collections.collectAndWait(cluster.id(), RunTrigger.DEMO);
            log.info(
                    "Demo cluster {} is ready: {} days of history and today's snapshot",
                    NAME,
                    properties.historyDays());
        } catch (RuntimeException e) {
            log.error("The demo cluster could not be prepared", e);
        }
    }

    private Path unpack() {
        var directory = properties.directory();
        try {
            Files.createDirectories(directory);
            var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
            var written = new ArrayList<String>();
            for (var resource : resolver.getResources("classpath*:demo/cluster/*.yaml")) {
                var name = resource.getFilename();
                if (name == null) {
                    continue;
                }
                try (var in = resource.getInputStream()) {
                    Files.write(directory.resolve(name), in.readAllBytes());
                }
                written.add(name);
            }
            log.info("Unpacked {} demo manifest files to {}", written.size(), directory.toAbsolutePath());
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("demo manifests could not be unpacked to " + directory, e);
        }
    }
}
