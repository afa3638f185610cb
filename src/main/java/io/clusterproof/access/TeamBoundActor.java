package io.clusterproof.access;

import org.jspecify.annotations.Nullable;

/** An authentication that carries its team itself (an engineer's API token), rather than through an account. */
interface TeamBoundActor {

    @Nullable
    String team();
}
