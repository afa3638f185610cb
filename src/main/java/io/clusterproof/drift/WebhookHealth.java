package io.clusterproof.drift;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How a webhook's most recent attempt went. */
record WebhookHealth(
        boolean failing,
        @Nullable Instant lastAttemptAt,
        @Nullable String lastError) {

    static final WebhookHealth UNUSED = new WebhookHealth(false, null, null);
}
