package io.clusterproof.assessment;

import io.clusterproof.access.AuditLog;
import io.clusterproof.base.SerialTurns;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.SnapshotContents;
import io.clusterproof.snapshot.SnapshotReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs assessments and stores them. A cluster's snapshots are assessed in order, each in its own
 * transaction holding the cluster's cursor row, so that several threads or replicas told about
 * new snapshots never assess one twice or out of order.
 */
@Component
class AssessmentRunner {

    private static final Logger log = LoggerFactory.getLogger(AssessmentRunner.class);

    private final SnapshotReader snapshots;
    private final ClusterService clusters;
    private final AssessmentEngine engine;
    private final AssessmentStore store;
    private final ObjectProvider<WaiverPolicy> waivers;
    private final ObjectProvider<AttestationPolicy> attestations;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AssessmentRunner(
            SnapshotReader snapshots,
            ClusterService clusters,
            AssessmentEngine engine,
            AssessmentStore store,
            ObjectProvider<WaiverPolicy> waivers,
            ObjectProvider<AttestationPolicy> attestations,
            ApplicationEventPublisher events,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.snapshots = snapshots;
        this.clusters = clusters;
        this.engine = engine;
        this.store = store;
        this.waivers = waivers;
        this.attestations = attestations;
        this.events = events;
        this.jdbc = jdbc;
        // each snapshot's assessment commits on its own, even when called inside another transaction
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    private final SerialTurns turns = new SerialTurns();

    /**
     * Assesses every snapshot of the cluster that its main lineage has not reached yet. When another
     * thread is already at it, this one only notes that there is more to do and returns.
     */
    int assessPending(long clusterId) {
        ensureCursor(clusterId);
        return turns.run(clusterId, () -> {
            int assessed = 0;
            while (Boolean.TRUE.equals(transactions.execute(status -> assessNext(clusterId)))) {
                assessed++;
            }
            return assessed;
        });
    }

    private boolean assessNext(long clusterId) {
        var last = jdbc.queryForObject(
                "select last_snapshot_id from assessment_cursor where cluster_id = ? for update",
                Long.class,
                clusterId);
        var next = last == null ? Optional.<Long>empty() : snapshots.nextAfter(clusterId, last);
        if (next.isEmpty()) {
            return false;
        }
        long snapshotId = next.get();
        var previous = jdbc.queryForList(
                "select id from assessment where cluster_id = ? and lineage = 0 "
                        + "order by id desc fetch first 1 rows only",
                Long.class,
                clusterId);
        var contents = snapshots.contents(snapshotId);
        var asOf = contents.snapshot().takenAt();
        var id = run(contents, true, previous.isEmpty() ? null : previous.get(0), asOf, AuditLog.currentActorName());
        jdbc.update("update assessment_cursor set last_snapshot_id = ? where cluster_id = ?", snapshotId, clusterId);
        log.debug("Assessed snapshot {} of cluster {} as assessment {}", snapshotId, clusterId, id);
        return true;
    }

    /**
     * Assesses the cluster's latest snapshot again, into its main lineage, with today's waivers and
     * attestations: a decision on a waiver or an attestation shows in posture at once, not at the
     * next collection.
     */
    int refresh(long clusterId) {
        ensureCursor(clusterId);
        return turns.run(
                clusterId,
                () -> Boolean.TRUE.equals(transactions.execute(status -> {
                            var last = jdbc.queryForObject(
                                    "select last_snapshot_id from assessment_cursor where cluster_id = ? for update",
                                    Long.class,
                                    clusterId);
                            if (last == null || last == 0) {
                                return false;
                            }
                            var previous = jdbc.queryForList(
                                    "select id from assessment where cluster_id = ? and lineage = 0 order by id desc "
                                            + "fetch first 1 rows only",
                                    Long.class,
                                    clusterId);
                            run(
                                    snapshots.contents(last),
                                    true,
                                    previous.isEmpty() ? null : previous.get(0),
                                    clock.instant(),
                                    AuditLog.currentActorName());
                            return true;
                        }))
                        ? 1
                        : 0);
    }

    /** A fresh assessment of any stored snapshot with today's catalog, waivers and attestations. */
    long reassess(long snapshotId, String requestedBy) {
        var id = transactions.execute(status -> {
            var contents = snapshots.contents(snapshotId);
            return run(contents, false, null, clock.instant(), requestedBy);
        });
        return Objects.requireNonNull(id, "the transaction returns the assessment's id");
    }

    private long run(
            SnapshotContents contents,
            boolean mainLineage,
            @Nullable Long previousId,
            Instant asOf,
            String requestedBy) {
        var started = clock.instant();
        var snapshot = contents.snapshot();
        var clusterName =
                clusters.get(snapshot.clusterId()).map(c -> c.name()).orElse("cluster-" + snapshot.clusterId());
        var input = new AssessmentInput(
                AssessedObjects.fromSnapshot(
                        contents.objects(),
                        each -> snapshots.eachControlledOwner(snapshot.id(), each),
                        each -> snapshots.eachControlledPod(snapshot.id(), each)),
                contents.missingKinds(),
                clusterName,
                snapshot.kubernetesVersion(),
                asOf);
        var header = new AssessmentStore.Header(
                snapshot.clusterId(),
                snapshot.id(),
                mainLineage,
                previousId,
                snapshot.takenAt(),
                clock.instant(),
                !contents.missingKinds().isEmpty(),
                requestedBy,
                0);
        // findings go to the database batch by batch as the engine produces them
        var writing = store.start(header, engine.catalogDigest());
        var outcome = engine.assess(
                input,
                Optional.ofNullable(waivers.getIfAvailable())
                        .map(p -> p.forCluster(snapshot.clusterId(), asOf))
                        .orElse(FindingWaivers.NONE),
                Optional.ofNullable(attestations.getIfAvailable())
                        .map(p -> p.at(snapshot.clusterId(), asOf))
                        .orElse(ControlAttestations.NONE),
                writing);
        var assessedAt = clock.instant();
        var id = writing.finish(
                outcome.scores(),
                outcome.controls(),
                (int) Duration.between(started, assessedAt).toMillis(),
                assessedAt);
        events.publishEvent(new AssessmentCompleted(
                id, snapshot.clusterId(), snapshot.id(), snapshot.takenAt(), previousId, mainLineage));
        return id;
    }

    private void ensureCursor(long clusterId) {
        var exists = jdbc.queryForObject(
                "select count(*) from assessment_cursor where cluster_id = ?", Integer.class, clusterId);
        if (exists != null && exists == 0) {
            try {
                transactions.executeWithoutResult(status -> jdbc.update(
                        "insert into assessment_cursor (cluster_id, last_snapshot_id) values (?, 0)", clusterId));
            } catch (DuplicateKeyException e) {
                // another thread or replica created it first: fine
            }
        }
    }
}
