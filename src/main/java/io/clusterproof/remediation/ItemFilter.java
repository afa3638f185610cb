package io.clusterproof.remediation;

import io.clusterproof.catalog.Severity;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Board filters; null or empty fields do not filter. */
public record ItemFilter(
        @Nullable Long clusterId,
        @Nullable String team,
        @Nullable Set<ItemStatus> statuses,
        @Nullable Set<Severity> severities,
        boolean overdueOnly,
        @Nullable String text) {

    public static ItemFilter all() {
        return new ItemFilter(null, null, null, null, false, null);
    }
}
