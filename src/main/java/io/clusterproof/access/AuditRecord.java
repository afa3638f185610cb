package io.clusterproof.access;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored audit entry, read-only. */
public record AuditRecord(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        String targetType,
        @Nullable String targetId,
        @Nullable String before,
        @Nullable String after,
        @Nullable String detail) {}
