package io.clusterproof.evidence;

import io.clusterproof.base.BaseProperties;
import io.clusterproof.base.UserFacingException;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one schedule: a pack per framework for its clusters and period, stored in the locker and,
 * when the schedule has recipients, sent by email. Each framework's outcome is recorded as a run;
 * one framework failing does not stop the others.
 */
@Component
class ScheduleRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);

    private final ScheduleStore store;
    private final PackBuilder packs;
    private final PackMailer mailer;
    private final BaseProperties base;
    private final Clock clock;
    private final ExportMetrics metrics;

    ScheduleRunner(
            ScheduleStore store,
            PackBuilder packs,
            PackMailer mailer,
            BaseProperties base,
            Clock clock,
            ExportMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.packs = packs;
        this.mailer = mailer;
        this.base = base;
        this.clock = clock;
    }

    void run(long scheduleId, String trigger) {
        var found = store.find(scheduleId);
        if (found.isEmpty()) {
            log.info("Scheduled export {} was deleted before it ran", scheduleId);
            return;
        }
        var schedule = found.get();
        var definition = schedule.definition();
        var to = LocalDate.ofInstant(clock.instant(), base.timeZone());
        // both ends count: a 7-day pack covers exactly 7 calendar days, the run's date the last
        var from = to.minusDays(definition.periodDays() - 1L);
        for (var framework : definition.frameworkIds()) {
            var runId = store.startRun(schedule, framework, trigger, clock.instant());
            try {
                var pack = packs.build(
                        new ExportRequest(definition.clusterIds(), framework, from, to),
                        "schedule \"" + schedule.name() + "\"",
                        "system",
                        schedule.id(),
                        definition.retentionDays(),
                        Progress.NONE);
                var delivery = definition.recipients().isEmpty()
                        ? null
                        : mailer.deliver(definition.recipients(), pack, schedule.name());
                store.finishRun(
                        runId,
                        delivery == null || delivery.sent()
                                ? ScheduleRun.Status.SUCCEEDED
                                : ScheduleRun.Status.DELIVERY_FAILED,
                        clock.instant(),
                        null,
                        pack.id(),
                        delivery == null ? null : delivery.text());
                metrics.record("schedule", ExportFormat.PACK, delivery == null || delivery.sent());
            } catch (UserFacingException e) {
                store.finishRun(runId, ScheduleRun.Status.FAILED, clock.instant(), e.getMessage(), null, null);
                metrics.record("schedule", ExportFormat.PACK, false);
            } catch (RuntimeException e) {
                log.error("Scheduled export \"{}\" failed for {}", schedule.name(), framework, e);
                store.finishRun(
                        runId,
                        ScheduleRun.Status.FAILED,
                        clock.instant(),
                        e.getClass().getSimpleName() + ": " + e.getMessage(),
                        null,
                        null);
                metrics.record("schedule", ExportFormat.PACK, false);
            }
        }
    }
}
