package io.clusterproof.demo;

import static java.util.Objects.requireNonNull;

import io.clusterproof.access.ActingAs;
import io.clusterproof.access.Role;
import io.clusterproof.assessment.AssessmentCompleted;
import io.clusterproof.base.ListenerWithoutTransaction;
import io.clusterproof.evidence.EvidenceSchedules;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's evidence, once: after the first assessment of today, the demo administrator sets up
 * the weekly schedule (every cluster, every framework) and runs it, so the locker holds a pack per
 * framework and the schedule shows its runs. Both go through the services and the audit log.
 */
class DemoEvidencePacks {

    static final String ADMIN = "demo-admin";
    private static final Logger log = LoggerFactory.getLogger(DemoEvidencePacks.class);

    private final EvidenceSchedules schedules;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    DemoEvidencePacks(EvidenceSchedules schedules, Clock clock, PlatformTransactionManager transactionManager) {
        this.schedules = schedules;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ListenerWithoutTransaction
    synchronized void on(AssessmentCompleted event) {
        if (!event.mainLineage()
                || event.snapshotTakenAt().isBefore(clock.instant().minus(Duration.ofHours(12)))) {
            return;
        }
        ActingAs.run(ADMIN, Role.ADMIN, () -> {
            if (!schedules.list().isEmpty()) {
                return;
            }
            // committed on its own, so the worker that runs it sees it
            var schedule = requireNonNull(
                    ownTransaction.execute(status -> schedules.create(schedules.defaults())), "the created schedule");
            schedules.runNow(schedule.id());
            log.info("Demo weekly evidence schedule created; its first packs are being built");
        });
    }
}
