package io.clusterproof.drift;

import org.jspecify.annotations.Nullable;

/**
 * A webhook's settings as an administrator enters them. The signing secret travels apart, so that
 * this record can be shown and logged.
 *
 * @param clusterId alerts of this cluster only; null for every cluster
 */
public record WebhookDefinition(
        String name,
        String url,
        WebhookFormat format,
        @Nullable Long clusterId,
        boolean enabled) {}
