package io.clusterproof.remediation;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A team's remediation figures.
 *
 * @param openBySeverity open items (not resolved, not risk-accepted) per severity
 * @param medianDaysToResolve median days from an item's first failure to its resolution, null when none resolved
 */
public record TeamFigures(
        String team,
        Map<String, Long> openBySeverity,
        long open,
        long overdue,
        @Nullable Double medianDaysToResolve,
        long resolved) {}
