package io.clusterproof.snapshot;

import io.clusterproof.base.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of collection runs. Starting a run locks the cluster's row, so that one collection
 * per cluster runs at a time across threads and replicas; progress and outcome are written in
 * their own short transactions, so the UI sees them while the run goes on.
 */
@Component
class RunBook {

    private final ClusterRepository clusters;
    private final CollectionRunRepository runs;
    private final Clock clock;

    RunBook(ClusterRepository clusters, CollectionRunRepository runs, Clock clock) {
        this.clusters = clusters;
        this.runs = runs;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    CollectionRun start(long clusterId, RunTrigger trigger, String requestedBy) {
        return startHere(clusterId, trigger, requestedBy);
    }

    /**
     * Starts a run in the caller's transaction, for work stored in one transaction (an agent's
     * commit): the run and what it stored commit or roll back together, and the caller never holds
     * a second connection, which many callers at once would take from each other until the pool is
     * empty.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    CollectionRun startJoined(long clusterId, RunTrigger trigger, String requestedBy) {
        return startHere(clusterId, trigger, requestedBy);
    }

    private CollectionRun startHere(long clusterId, RunTrigger trigger, String requestedBy) {
        var cluster = clusters.lockById(clusterId)
                .orElseThrow(() -> new NotFoundException("Cluster " + clusterId + " does not exist."));
        if (runs.existsByClusterIdAndStatus(clusterId, RunStatus.RUNNING)) {
            throw new CollectionAlreadyRunningException(cluster.name());
        }
        return runs.save(new CollectionRun(clusterId, trigger, requestedBy, clock.instant()));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(long runId, int kindsDone, int kindsTotal, int objects) {
        runs.findById(runId).ifPresent(run -> run.progress(kindsDone, kindsTotal, objects, clock.instant()));
    }

    /** Says the run is alive, without touching its progress. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void beat(long runId) {
        runs.beat(runId, clock.instant());
    }

    /** Takes a scheduled run for this replica; false when another one already moved the schedule on. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean claim(long clusterId, Instant expectedNextRun, @Nullable Instant nextRun) {
        return clusters.claimRun(clusterId, expectedNextRun, nextRun) == 1;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    RunSummary finish(long runId, RunStatus status, @Nullable Long snapshotId, @Nullable String message) {
        var run = runs.findById(runId).orElseThrow();
        run.finish(status, snapshotId, message, clock.instant());
        return run.summary();
    }

    /** Finishes a run started with {@link #startJoined}, in the same transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    RunSummary finishJoined(long runId, RunStatus status, @Nullable Long snapshotId, int objects) {
        var run = runs.findById(runId).orElseThrow();
        run.progress(1, 1, objects, clock.instant());
        run.finish(status, snapshotId, null, clock.instant());
        return run.summary();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    int markInterrupted(Instant staleBefore) {
        return runs.markInterrupted(staleBefore, clock.instant());
    }
}
