package io.clusterproof.drift;

import org.jspecify.annotations.Nullable;

/**
 * Narrows the delivery log; null fields do not filter.
 *
 * @param failuresOnly deliveries that failed for good or were cancelled, and those whose last
 *     attempt failed
 */
public record DeliveryFilter(
        @Nullable Long webhookId, @Nullable Long regressionId, boolean failuresOnly) {

    public static DeliveryFilter all() {
        return new DeliveryFilter(null, null, false);
    }
}
