package io.clusterproof.drift;

import io.clusterproof.catalog.Severity;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param alertSeverities a new FAIL of one of these severities is a regression
 * @param alertMinScoreDrop a framework score must fall by more than this many percentage points to
 *     be a regression (0: any fall)
 * @param webhookConnectTimeout how long connecting to a webhook may take
 * @param webhookTimeout how long a webhook may take to answer
 * @param deliveryInterval how often due deliveries are looked for
 * @param retryInterval the wait after the first failed attempt; it doubles with each further one
 * @param maxRetryInterval the longest wait between two attempts
 * @param maxAttempts attempts after which a delivery has failed for good
 * @param publicUrl the address people reach ClusterProof at, for links in alerts (none: no link)
 * @param timelineDays how far back the drift view's score timeline reaches
 */
@ConfigurationProperties("clusterproof.drift")
public record DriftProperties(
        @DefaultValue({"CRITICAL", "HIGH"}) Set<Severity> alertSeverities,
        @DefaultValue("0") double alertMinScoreDrop,
        @DefaultValue("5s") Duration webhookConnectTimeout,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("15s") Duration deliveryInterval,
        @DefaultValue("30s") Duration retryInterval,
        @DefaultValue("1h") Duration maxRetryInterval,
        @DefaultValue("8") int maxAttempts,
        @Nullable URI publicUrl,
        @DefaultValue("90") int timelineDays) {

    /** How long a worker holds a delivery it took: longer than any attempt can last. */
    Duration lease() {
        return webhookConnectTimeout.plus(webhookTimeout).plusSeconds(30);
    }
}
