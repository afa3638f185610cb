package io.clusterproof.drift;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.snapshot.ClusterService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhooks for regression alerts and their delivery log. Administrators add, change, test and
 * remove webhooks (every change audited, the secret never shown or recorded); every role can see
 * whether alerts are getting through.
 */
@Service
@Transactional
public class WebhookService {

    static final int MAX_NAME = 100;
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 500;

    private final WebhookRepository webhooks;
    private final DeliveryQueue queue;
    private final DeliveryWorker worker;
    private final AlertPayloads payloads;
    private final ClusterService clusters;
    private final AuditLog auditLog;
    private final Clock clock;

    WebhookService(
            WebhookRepository webhooks,
            DeliveryQueue queue,
            DeliveryWorker worker,
            AlertPayloads payloads,
            ClusterService clusters,
            AuditLog auditLog,
            Clock clock) {
        this.webhooks = webhooks;
        this.queue = queue;
        this.worker = worker;
        this.payloads = payloads;
        this.clusters = clusters;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** @param secret the signing secret, or null to send unsigned requests */
    @RolesAllowed(Role.ADMIN_NAME)
    public WebhookSummary create(WebhookDefinition definition, @Nullable String secret) {
        validate(definition, null);
        var webhook = webhooks.save(new Webhook(definition, validSecret(secret), clock.instant()));
        auditLog.record(AuditEvent.of("WEBHOOK_CREATED", "webhook", String.valueOf(webhook.id()))
                .change(null, webhook.auditState()));
        return webhook.summary(WebhookHealth.UNUSED);
    }

    /**
     * @param newSecret a new signing secret; null keeps the current one
     * @param removeSecret sends unsigned requests from now on
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public WebhookSummary update(
            long id, WebhookDefinition definition, @Nullable String newSecret, boolean removeSecret) {
        var webhook = find(id);
        validate(definition, webhook);
        var before = webhook.auditState();
        var wasEnabled = webhook.enabled();
        webhook.apply(definition);
        if (removeSecret) {
            webhook.replaceSecret(null);
        } else if (newSecret != null && !newSecret.isEmpty()) {
            webhook.replaceSecret(validSecret(newSecret));
        }
        if (wasEnabled && !webhook.enabled()) {
            queue.cancelPending(id, "not sent: the webhook was disabled");
        }
        var secretChanged = removeSecret || (newSecret != null && !newSecret.isEmpty());
        auditLog.record(AuditEvent.of("WEBHOOK_CHANGED", "webhook", String.valueOf(id))
                .change(before, webhook.auditState())
                .withDetail(
                        secretChanged ? (removeSecret ? "signing secret removed" : "signing secret replaced") : null));
        return webhook.summary(queue.health(id));
    }

    /** Removes the webhook and its delivery log. */
    @RolesAllowed(Role.ADMIN_NAME)
    public void delete(long id) {
        var webhook = find(id);
        var before = webhook.auditState();
        webhooks.delete(webhook);
        auditLog.record(
                AuditEvent.of("WEBHOOK_DELETED", "webhook", String.valueOf(id)).change(before, null));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<WebhookSummary> list() {
        return webhooks.findAllByOrderByNameAsc().stream()
                .map(w -> w.summary(queue.health(w.id())))
                .toList();
    }

    /**
     * The URL as entered, for editing it. Only administrators see it: a Slack-style URL carries its
     * credential in the path.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public String url(long id) {
        return find(id).url();
    }

    /** Queues a test message to the webhook, sent at once, and logged like any delivery. */
    @RolesAllowed(Role.ADMIN_NAME)
    public long sendTest(long id) {
        var webhook = find(id);
        if (!webhook.enabled()) {
            throw new UserFacingException("Enable the webhook first: a disabled webhook sends nothing.");
        }
        var now = clock.instant();
        var delivery =
                queue.enqueue(id, null, DeliveryQueue.TEST, payloads.test(webhook.format(), webhook.name(), now), now);
        AfterCommit.run(worker::deliverSoon);
        return delivery;
    }

    /** Tries a delivery again now: one more attempt for one that failed for good, an early one for a waiting one. */
    @RolesAllowed(Role.ADMIN_NAME)
    public void retry(long deliveryId) {
        var delivery = queue.get(deliveryId)
                .orElseThrow(() -> new UserFacingException("Delivery " + deliveryId + " does not exist any more."));
        if (delivery.status() == DeliveryStatus.DELIVERED) {
            throw new UserFacingException("Delivery " + deliveryId + " was delivered already.");
        }
        if (!find(delivery.webhookId()).enabled()) {
            throw new UserFacingException("Enable the webhook \"" + delivery.webhookName() + "\" first.");
        }
        queue.retryNow(deliveryId, clock.instant());
        auditLog.record(AuditEvent.of("WEBHOOK_DELIVERY_RETRIED", "webhook", String.valueOf(delivery.webhookId()))
                .withDetail("delivery #" + deliveryId + " (" + delivery.event() + ")"));
        AfterCommit.run(worker::deliverSoon);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<DeliverySummary> deliveries(DeliveryFilter filter, long offset, int limit) {
        return queue.page(filter, offset, limit);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public long countDeliveries(DeliveryFilter filter) {
        return queue.count(filter);
    }

    /** Whether alerts are getting through: every role sees this, so a failing webhook is never silent. */
    @PermitAll
    @Transactional(readOnly = true)
    public AlertHealth health() {
        var enabled = webhooks.findByEnabledTrueOrderByName();
        var failing = enabled.stream()
                .filter(w -> queue.health(w.id()).failing())
                .map(Webhook::name)
                .toList();
        return new AlertHealth(failing, enabled.size());
    }

    private Webhook find(long id) {
        return webhooks.findById(id)
                .orElseThrow(() -> new UserFacingException("Webhook " + id + " does not exist any more."));
    }

    private void validate(WebhookDefinition definition, @Nullable Webhook existing) {
        var name = definition.name() == null ? "" : definition.name().trim();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new UserFacingException("Give the webhook a name of 1 to " + MAX_NAME
                    + " characters, such as \"security-alerts channel\".");
        }
        if ((existing == null || !existing.name().equalsIgnoreCase(name)) && webhooks.existsByNameIgnoreCase(name)) {
            throw new UserFacingException("A webhook named \"" + name + "\" exists already.");
        }
        WebhookUrls.validate(definition.url());
        if (definition.format() == null) {
            throw new UserFacingException("Choose the format the receiver expects: JSON or Slack-compatible.");
        }
        if (definition.clusterId() != null
                && clusters.get(definition.clusterId()).isEmpty()) {
            throw new UserFacingException("Cluster " + definition.clusterId() + " does not exist.");
        }
    }

    private static @Nullable String validSecret(@Nullable String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            throw new UserFacingException("Use a signing secret of " + MIN_SECRET + " to " + MAX_SECRET
                    + " characters, for example 32 random characters from a password manager.");
        }
        if (!secret.strip().equals(secret)) {
            throw new UserFacingException(
                    "The signing secret starts or ends with a space; receivers would not get the same signature.");
        }
        return secret;
    }
}
