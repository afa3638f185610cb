package io.clusterproof.drift;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries and records each attempt: delivered on a 2xx answer, else tried
 * again after an exponential back-off until the attempts are used up (or at once failed for good
 * when the receiver refuses). The schedule only finds due deliveries, under a database lock so one
 * replica looks at a time; the calls run on this worker's own threads. Deliveries are stored, so a
 * restart loses none: a delivery taken by a process that died is due again once its lease ends.
 */
@Component
class DeliveryWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 50;

    private final DeliveryQueue queue;
    private final WebhookRepository webhooks;
    private final WebhookSender sender;
    private final DriftProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    /**
     * Its own threads, so that a slow receiver never holds up collections or event listeners; not a
     * bean, so that it never becomes a candidate when Spring looks for the executor of {@code @Async}
     * listeners.
     */
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    DeliveryWorker(
            DeliveryQueue queue,
            WebhookRepository webhooks,
            WebhookSender sender,
            DriftProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.queue = queue;
        this.webhooks = webhooks;
        this.sender = sender;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        executor.setThreadNamePrefix("webhook-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(BATCH * 4);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
    }

    @Scheduled(
            fixedDelayString = "${clusterproof.drift.delivery-interval:15s}",
            initialDelayString = "${clusterproof.drift.delivery-interval:15s}")
    @SchedulerLock(name = "drift-webhook-deliveries", lockAtMostFor = "2m")
    public void deliverDue() {
        dispatch();
    }

    /** Looks for due deliveries now, off the caller's thread: after an alert is stored, not at the next tick. */
    void deliverSoon() {
        try {
            executor.execute(this::dispatch);
        } catch (RejectedExecutionException e) {
            log.debug("Webhook workers are busy; the schedule picks the new deliveries up");
        }
    }

    private void dispatch() {
        var now = clock.instant();
        for (var id : queue.due(now, BATCH)) {
            if (!queue.claim(id, now, now.plus(properties.lease()))) {
                continue;
            }
            try {
                executor.execute(() -> attemptSafely(id));
            } catch (RejectedExecutionException e) {
                log.info("Webhook workers are busy; delivery #{} is tried again when its lease ends", id);
            }
        }
    }

    private void attemptSafely(long id) {
        try {
            attempt(id);
        } catch (RuntimeException e) {
            // the lease runs out and the delivery is due again
            log.error("Webhook delivery #{} could not be attempted", id, e);
        }
    }

    void attempt(long id) {
        var delivery = queue.load(id).orElse(null);
        if (delivery == null) {
            return;
        }
        var webhook = webhooks.findById(delivery.webhookId()).orElse(null);
        if (webhook == null || !webhook.enabled()) {
            queue.cancel(id, "not sent: the webhook was disabled before the delivery was made");
            return;
        }
        var outcome = sender.send(webhook.url(), webhook.secret(), id, delivery.event(), delivery.body());
        var now = clock.instant();
        int attempts = delivery.attempts() + 1;
        if (outcome.delivered()) {
            queue.delivered(id, now, outcome.statusCode() == null ? 0 : outcome.statusCode());
            meters.counter("clusterproof.drift.webhook.deliveries", "outcome", "delivered")
                    .increment();
            log.info("Delivered {} #{} to webhook \"{}\" (attempt {})", delivery.event(), id, webhook.name(), attempts);
            return;
        }
        var error = outcome.error() == null ? "failed" : outcome.error();
        var retryAt = outcome.retry() && attempts < properties.maxAttempts()
                ? now.plus(Backoff.after(attempts, properties.retryInterval(), properties.maxRetryInterval()))
                : null;
        queue.failed(id, now, outcome.statusCode(), error, retryAt);
        meters.counter("clusterproof.drift.webhook.deliveries", "outcome", retryAt == null ? "failed" : "retrying")
                .increment();
        if (retryAt == null) {
            log.warn(
                    "Webhook \"{}\" delivery #{} failed for good after {} attempt(s): {}",
                    webhook.name(),
                    id,
                    attempts,
                    error);
        } else {
            log.warn(
                    "Webhook \"{}\" delivery #{} failed (attempt {} of {}): {}; next attempt at {}",
                    webhook.name(),
                    id,
                    attempts,
                    properties.maxAttempts(),
                    error,
                    retryAt);
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
