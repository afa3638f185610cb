package io.clusterproof.snapshot;

import java.time.Clock;
import java.util.Objects;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the collections that are due, and marks runs that a stopped process left behind as
 * interrupted. Only triggers: collections themselves run on the collection executor.
 */
@Component
class CollectionScheduler {

    private static final Logger log = LoggerFactory.getLogger(CollectionScheduler.class);

    private final ClusterRepository clusters;
    private final CollectionService collections;
    private final ClusterService clusterService;
    private final RunBook runBook;
    private final SnapshotProperties properties;
    private final Clock clock;

    CollectionScheduler(
            ClusterRepository clusters,
            CollectionService collections,
            ClusterService clusterService,
            RunBook runBook,
            SnapshotProperties properties,
            Clock clock) {
        this.clusters = clusters;
        this.collections = collections;
        this.clusterService = clusterService;
        this.runBook = runBook;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${clusterproof.snapshot.scheduler-interval:30s}",
            initialDelayString = "${clusterproof.snapshot.scheduler-initial-delay:10s}")
    @SchedulerLock(name = "snapshot-schedule", lockAtMostFor = "5m")
    public void startDueCollections() {
        for (var cluster : clusters.findDue(clock.instant())) {
            var next = clusterService.nextRun(cluster.definition());
            var due = Objects.requireNonNull(cluster.nextRunAt(), "findDue returns clusters with a next run only");
            if (!runBook.claim(cluster.id(), due, next)) {
                continue; // another replica took this run
            }
            try {
                collections.start(cluster.id(), RunTrigger.SCHEDULE);
            } catch (CollectionAlreadyRunningException e) {
                log.info("Skipped the scheduled collection of {}: one is still running", cluster.name());
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${clusterproof.snapshot.sweep-interval:60s}", initialDelayString = "60s")
    public void markInterruptedRuns() {
        var count = runBook.markInterrupted(clock.instant().minus(properties.staleRunAfter()));
        if (count > 0) {
            log.warn("Marked {} collection run(s) as interrupted: their process stopped before they finished", count);
        }
    }
}
