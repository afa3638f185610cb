package io.clusterproof.access;

import org.jspecify.annotations.Nullable;

/** A role (and team) the provider's groups grant, with the words the users page shows for why. */
record RoleGrant(Role role, @Nullable String team, String source) {}
