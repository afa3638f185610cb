package io.clusterproof.remediation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What happened to an item, when, and who did it ({@code assessment} for automatic changes). */
public record ItemHistoryEntry(
        Instant occurredAt,
        String actor,
        String kind,
        @Nullable ItemStatus fromStatus,
        @Nullable ItemStatus toStatus,
        @Nullable String text) {}
