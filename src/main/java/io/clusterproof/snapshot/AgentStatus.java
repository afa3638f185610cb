package io.clusterproof.snapshot;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A cluster's agent as its page shows it: the registered key, when it last called, whether it was
 * revoked, and a registration token still waiting to be used.
 */
public record AgentStatus(
        @Nullable String keyFingerprint,
        @Nullable Instant registeredAt,
        @Nullable Instant lastSeenAt,
        @Nullable Instant revokedAt,
        @Nullable Instant pendingRegistrationExpiresAt) {

    public boolean active() {
        return keyFingerprint != null && revokedAt == null;
    }
}
