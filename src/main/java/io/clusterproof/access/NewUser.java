package io.clusterproof.access;

import org.jspecify.annotations.Nullable;

/** What an administrator types to create a user. */
public record NewUser(
        String username,
        String displayName,
        String password,
        Role role,
        @Nullable String team) {}
