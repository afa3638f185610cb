package io.clusterproof.snapshot;

import org.jspecify.annotations.Nullable;

/** Filters of the resource browser; null or blank fields do not filter. {@code name} matches a substring. */
public record ResourceFilter(
        @Nullable String kind,
        @Nullable String namespace,
        @Nullable String name) {

    public static ResourceFilter none() {
        return new ResourceFilter(null, null, null);
    }
}
