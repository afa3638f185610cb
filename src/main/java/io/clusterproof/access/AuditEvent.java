package io.clusterproof.access;

import org.jspecify.annotations.Nullable;

/**
 * What happened, to what, and how it looked before and after. States are short human-readable
 * summaries and never contain secret values.
 *
 * @param action a verb in capitals, e.g. {@code USER_CREATED}, {@code WAIVER_APPROVED}
 * @param targetType the kind of thing changed, e.g. {@code user}, {@code waiver}
 */
public record AuditEvent(
        String action,
        String targetType,
        @Nullable String targetId,
        @Nullable String before,
        @Nullable String after,
        @Nullable String detail) {

    public static AuditEvent of(String action, String targetType, @Nullable String targetId) {
        return new AuditEvent(action, targetType, targetId, null, null, null);
    }

    public AuditEvent change(@Nullable String before, @Nullable String after) {
        return new AuditEvent(action, targetType, targetId, before, after, detail);
    }

    public AuditEvent withDetail(@Nullable String detail) {
        return new AuditEvent(action, targetType, targetId, before, after, detail);
    }
}
