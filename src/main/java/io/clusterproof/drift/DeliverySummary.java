package io.clusterproof.drift;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the delivery log.
 *
 * @param event {@code regression} or {@code test}
 * @param lastStatusCode the HTTP status of the last attempt, null when it got no answer
 * @param lastError why the last attempt failed, null when it did not
 */
public record DeliverySummary(
        long id,
        long webhookId,
        String webhookName,
        @Nullable Long regressionId,
        String event,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Instant nextAttemptAt,
        @Nullable Integer lastStatusCode,
        @Nullable String lastError,
        @Nullable Instant deliveredAt) {

    /** Whether the last attempt failed, so the row needs someone's attention. */
    public boolean failedLastTime() {
        return status == DeliveryStatus.FAILED || (status == DeliveryStatus.PENDING && lastError != null);
    }
}
