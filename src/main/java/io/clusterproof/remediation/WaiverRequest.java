package io.clusterproof.remediation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an engineer asks to waive: a check, on a cluster (or all), in a namespace (or all), for a
 * kind and a name pattern ({@code *} matches any run of characters), until an expiry.
 */
public record WaiverRequest(
        String checkId,
        @Nullable Long clusterId,
        @Nullable String namespace,
        @Nullable String kind,
        @Nullable String namePattern,
        String justification,
        String ticketUrl,
        Instant expiresAt) {}
