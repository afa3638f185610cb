package io.clusterproof.assessment;

import io.clusterproof.catalog.Severity;
import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters over the findings of one assessment; null or empty fields do not filter.
 *
 * @param frameworkId only findings in this framework's scope
 * @param namespaces only these namespaces (a team filter resolves to its namespaces)
 * @param text substring of the resource name or the message
 */
public record FindingFilter(
        @Nullable String frameworkId,
        @Nullable Collection<String> checkIds,
        @Nullable Set<FindingStatus> statuses,
        @Nullable Collection<String> namespaces,
        @Nullable String kind,
        @Nullable Set<Severity> severities,
        @Nullable String text) {

    public static FindingFilter all() {
        return new FindingFilter(null, null, null, null, null, null, null);
    }

    public FindingFilter withStatuses(Set<FindingStatus> statuses) {
        return new FindingFilter(frameworkId, checkIds, statuses, namespaces, kind, severities, text);
    }

    public FindingFilter withChecks(Collection<String> checkIds) {
        return new FindingFilter(frameworkId, checkIds, statuses, namespaces, kind, severities, text);
    }

    public FindingFilter withFramework(@Nullable String frameworkId) {
        return new FindingFilter(frameworkId, checkIds, statuses, namespaces, kind, severities, text);
    }

    public FindingFilter withNamespaces(@Nullable Collection<String> namespaces) {
        return new FindingFilter(frameworkId, checkIds, statuses, namespaces, kind, severities, text);
    }
}
