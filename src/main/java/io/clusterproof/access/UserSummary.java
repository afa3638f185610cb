package io.clusterproof.access;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user as other modules and views see it: no password material. */
public record UserSummary(
        long id,
        String username,
        String displayName,
        Role role,
        @Nullable String team,
        boolean enabled,
        boolean demo,
        Instant createdAt) {}
