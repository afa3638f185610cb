package io.clusterproof.remediation;

import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** Board filters as criteria. */
final class ItemSpecifications {

    private ItemSpecifications() {}

    static Specification<RemediationItem> of(ItemFilter filter, Instant now) {
        return (root, query, builder) -> {
            var predicates = new ArrayList<Predicate>();
            if (filter.clusterId() != null) {
                predicates.add(builder.equal(root.get("clusterId"), filter.clusterId()));
            }
            if (filter.team() != null && !filter.team().isBlank()) {
                predicates.add(builder.equal(root.get("team"), filter.team()));
            }
            if (filter.statuses() != null && !filter.statuses().isEmpty()) {
                predicates.add(root.get("status").in(filter.statuses()));
            }
            if (filter.severities() != null && !filter.severities().isEmpty()) {
                predicates.add(root.get("severity").in(filter.severities()));
            }
            if (filter.overdueOnly()) {
                predicates.add(builder.lessThan(root.get("dueAt"), now));
                predicates.add(root.get("status")
                        .in(
                                ItemStatus.OPEN,
                                ItemStatus.IN_PROGRESS,
                                ItemStatus.PENDING_VERIFICATION,
                                ItemStatus.REOPENED));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                var pattern = "%" + filter.text().trim().toLowerCase(Locale.ROOT) + "%";
                predicates.add(builder.or(
                        builder.like(builder.lower(root.get("name")), pattern),
                        builder.like(builder.lower(root.get("namespace")), pattern),
                        builder.like(builder.lower(root.get("title")), pattern),
                        builder.like(builder.lower(root.get("checkId")), pattern)));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
    }
}
