package io.clusterproof.access;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A token as the administration view shows it: its prefix, never the token.
 *
 * @param team for an engineer's token: the team whose remediation items it works
 */
public record ApiTokenSummary(
        long id,
        String name,
        String prefix,
        Role role,
        @Nullable String team,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        String state) {}
