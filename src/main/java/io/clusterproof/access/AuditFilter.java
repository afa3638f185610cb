package io.clusterproof.access;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** Turns an {@link AuditQuery} into criteria; empty filters add nothing. */
final class AuditFilter {

    private AuditFilter() {}

    static Specification<AuditEntry> of(AuditQuery query) {
        return (root, criteria, builder) -> {
            var predicates = new ArrayList<Predicate>();
            if (present(query.actor())) {
                predicates.add(builder.equal(root.get("actor"), query.actor().trim()));
            }
            if (present(query.action())) {
                predicates.add(builder.equal(root.get("action"), query.action().trim()));
            }
            if (present(query.targetType())) {
                predicates.add(
                        builder.equal(root.get("targetType"), query.targetType().trim()));
            }
            if (query.from() != null) {
                predicates.add(builder.greaterThanOrEqualTo(root.get("occurredAt"), query.from()));
            }
            if (query.to() != null) {
                predicates.add(builder.lessThan(root.get("occurredAt"), query.to()));
            }
            if (present(query.text())) {
                var pattern = "%" + query.text().trim().toLowerCase(Locale.ROOT) + "%";
                predicates.add(builder.or(
                        builder.like(builder.lower(root.get("targetId")), pattern),
                        builder.like(builder.lower(root.get("detail")), pattern),
                        builder.like(builder.lower(root.get("before")), pattern),
                        builder.like(builder.lower(root.get("after")), pattern)));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
