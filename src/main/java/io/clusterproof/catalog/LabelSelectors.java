package io.clusterproof.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Kubernetes label selector semantics: {@code matchLabels} and {@code matchExpressions} (In,
 * NotIn, Exists, DoesNotExist). An empty selector selects everything; a missing one (null)
 * selects nothing, as for a NetworkPolicy without podSelector the API would not even accept.
 */
public final class LabelSelectors {

    private LabelSelectors() {}

    public static boolean matches(Object selector, Object labels) {
        if (!(selector instanceof Map<?, ?> sel)) {
            return false;
        }
        var labelMap = labels instanceof Map<?, ?> map ? map : Map.of();
        if (sel.get("matchLabels") instanceof Map<?, ?> matchLabels) {
            for (var entry : matchLabels.entrySet()) {
                if (!String.valueOf(entry.getValue()).equals(stringOrNull(labelMap.get(entry.getKey())))) {
                    return false;
                }
            }
        }
        if (sel.get("matchExpressions") instanceof List<?> expressions) {
            for (var expression : expressions) {
                if (expression instanceof Map<?, ?> requirement && !satisfies(requirement, labelMap)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean satisfies(Map<?, ?> requirement, Map<?, ?> labels) {
        var key = String.valueOf(requirement.get("key"));
        var operator = String.valueOf(requirement.get("operator"));
        var values = requirement.get("values") instanceof Collection<?> v
                ? v.stream().map(String::valueOf).toList()
                : List.of();
        var present = labels.containsKey(key);
        var value = stringOrNull(labels.get(key));
        return switch (operator) {
            case "In" -> present && values.contains(value);
            case "NotIn" -> !present || !values.contains(value);
            case "Exists" -> present;
            case "DoesNotExist" -> !present;
            default -> false;
        };
    }

    private static @Nullable String stringOrNull(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
