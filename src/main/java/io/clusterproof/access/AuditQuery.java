package io.clusterproof.access;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Filters of the audit log view and API; a null field does not filter. */
public record AuditQuery(
        @Nullable String actor,
        @Nullable String action,
        @Nullable String targetType,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String text) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
