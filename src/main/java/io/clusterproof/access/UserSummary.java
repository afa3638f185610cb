package io.clusterproof.access;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user as other modules and views see it: no password material.
 *
 * @param singleSignOn whether the account signs in through the identity provider
 * @param roleSource where the role comes from: an administrator, or the provider's group that granted it
 * @param roleChangedAt when the role last changed
 */
public record UserSummary(
        long id,
        String username,
        String displayName,
        Role role,
        @Nullable String team,
        boolean enabled,
        boolean demo,
        Instant createdAt,
        boolean singleSignOn,
        String roleSource,
        Instant roleChangedAt) {}
