package io.clusterproof.evidence;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.base.BaseProperties;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the scheduled exports that are due and deletes packs whose retention has passed. Only
 * triggers: packs are built on the evidence workers. Each job takes a database lock, so with
 * several replicas each runs once.
 */
@Component
class EvidenceScheduler {

    private static final Logger log = LoggerFactory.getLogger(EvidenceScheduler.class);

    private final ScheduleStore store;
    private final BaseProperties base;
    private final ScheduleRunner runner;
    private final EvidenceWorkers workers;
    private final Locker locker;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EvidenceScheduler(
            ScheduleStore store,
            BaseProperties base,
            ScheduleRunner runner,
            EvidenceWorkers workers,
            Locker locker,
            AuditLog auditLog,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.store = store;
        this.base = base;
        this.runner = runner;
        this.workers = workers;
        this.locker = locker;
        this.auditLog = auditLog;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${clusterproof.evidence.scheduler-interval:60s}",
            initialDelayString = "${clusterproof.evidence.scheduler-initial-delay:30s}")
    @SchedulerLock(name = "evidence-schedule", lockAtMostFor = "5m")
    public void startDueRuns() {
        for (var schedule : store.due(clock.instant())) {
            // the next run is set before this one starts, so a slow or failing run is never repeated
            store.setNextRun(schedule.id(), ScheduleCron.next(schedule.definition(), clock.instant(), base.timeZone()));
            workers.execute(() -> runner.run(schedule.id(), "SCHEDULE"));
        }
    }

    @Scheduled(cron = "${clusterproof.evidence.retention-cron:0 17 * * * *}")
    @SchedulerLock(name = "evidence-retention", lockAtMostFor = "30m")
    public void deleteExpiredPacks() {
        var deleted = deleteExpired(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} evidence pack(s) whose retention had passed", deleted);
        }
    }

    /** Deletes every pack retained until before {@code asOf}, each with its audit entry; returns how many. */
    int deleteExpired(Instant asOf) {
        int deleted = 0;
        for (var pack : locker.expired(asOf)) {
            transactions.executeWithoutResult(status -> {
                locker.delete(pack.id());
                auditLog.recordAs(
                        "system",
                        AuditEvent.of("EVIDENCE_PACK_DELETED", "evidence-pack", String.valueOf(pack.id()))
                                .change(pack.fileName() + ", sha256 " + pack.sha256(), null)
                                .withDetail("retention ended " + pack.retainUntil()));
            });
            deleted++;
        }
        return deleted;
    }
}
