package io.clusterproof.drift;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where regression alerts go. The secret leaves this class only towards the request signer: no
 * summary, audit entry or log line carries it.
 */
@Entity
@Table(name = "drift_webhook")
class Webhook {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String name;
    private String url;
    private @Nullable String secret;

    @Enumerated(EnumType.STRING)
    private WebhookFormat format;

    private @Nullable Long clusterId;
    private boolean enabled;
    private Instant createdAt;

    @Version
    private long version;

    protected Webhook() {
        this.name = "";
        this.url = "";
        this.format = WebhookFormat.JSON;
        this.createdAt = Instant.EPOCH;
    }

    Webhook(WebhookDefinition definition, @Nullable String secret, Instant createdAt) {
        this();
        apply(definition);
        this.secret = secret;
        this.createdAt = createdAt;
    }

    long id() {
        return id == null ? 0 : id;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    @Nullable
    String secret() {
        return secret;
    }

    WebhookFormat format() {
        return format;
    }

    boolean enabled() {
        return enabled;
    }

    boolean covers(long cluster) {
        return enabled && (clusterId == null || clusterId == cluster);
    }

    void apply(WebhookDefinition definition) {
        this.name = definition.name().trim();
        this.url = definition.url().trim();
        this.format = definition.format();
        this.clusterId = definition.clusterId();
        this.enabled = definition.enabled();
    }

    void replaceSecret(@Nullable String secret) {
        this.secret = secret;
    }

    WebhookSummary summary(WebhookHealth health) {
        return new WebhookSummary(
                id(),
                name,
                WebhookUrls.mask(url),
                format,
                clusterId,
                enabled,
                secret != null,
                health.failing(),
                health.lastAttemptAt(),
                health.lastError());
    }

    /** For the audit log: what an administrator may read back, the URL masked, the secret as set or not. */
    String auditState() {
        return "name=" + name + ", url=" + WebhookUrls.mask(url) + ", format=" + format + ", cluster="
                + (clusterId == null ? "*" : clusterId) + ", enabled=" + enabled + ", secret="
                + (secret == null ? "none" : "set");
    }
}
