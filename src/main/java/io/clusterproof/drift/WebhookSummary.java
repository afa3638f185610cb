package io.clusterproof.drift;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A webhook as the administration page shows it: the URL with its path masked (a Slack URL's path
 * is its credential) and whether a signing secret is set, never the secret.
 *
 * @param failing whether its most recent attempt failed
 * @param lastAttemptAt when it was last called, null when never
 * @param lastError what went wrong at the last failed attempt
 */
public record WebhookSummary(
        long id,
        String name,
        String maskedUrl,
        WebhookFormat format,
        @Nullable Long clusterId,
        boolean enabled,
        boolean signed,
        boolean failing,
        @Nullable Instant lastAttemptAt,
        @Nullable String lastError) {}
