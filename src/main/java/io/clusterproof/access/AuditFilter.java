package io.clusterproof.access;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;

/** Turns an {@link AuditQuery} into criteria; empty filters add nothing. */
final class AuditFilter {

    private AuditFilter() {}

    static Specification<AuditEntry> of(AuditQuery query) {
        return (root, criteria, builder) -> {
            var predicates = new ArrayList<Predicate>();
            var actor = trimmed(query.actor());
            if (actor != null) {
                predicates.add(builder.equal(root.get("actor"), actor));
            }
            var action = trimmed(query.action());
            if (action != null) {
                predicates.add(builder.equal(root.get("action"), action));
            }
            var targetType = trimmed(query.targetType());
            if (targetType != null) {
                predicates.add(builder.equal(root.get("targetType"), targetType));
            }
            if (query.from() != null) {
                predicates.add(builder.greaterThanOrEqualTo(root.get("occurredAt"), query.from()));
            }
            if (query.to() != null) {
                predicates.add(builder.lessThan(root.get("occurredAt"), query.to()));
            }
            var text = trimmed(query.text());
            if (text != null) {
                var pattern = "%" + text.toLowerCase(Locale.ROOT) + "%";
                predicates.add(builder.or(
                        builder.like(builder.lower(root.get("targetId")), pattern),
                        builder.like(builder.lower(root.get("detail")), pattern),
                        builder.like(builder.lower(root.get("before")), pattern),
                        builder.like(builder.lower(root.get("after")), pattern)));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
    }

    /** The value without surrounding blanks, or null when there is none. */
    private static @Nullable String trimmed(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
