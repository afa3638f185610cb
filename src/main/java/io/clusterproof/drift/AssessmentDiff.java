package io.clusterproof.drift;

import io.clusterproof.assessment.AssessmentSummary;
import java.util.List;
import java.util.Map;

/**
 * How posture moved between two assessments of a cluster's main lineage: scores, control statuses,
 * and how many findings fall in each category (the findings themselves are read a page at a time).
 */
public record AssessmentDiff(
        AssessmentSummary from,
        AssessmentSummary to,
        List<ScoreDelta> scores,
        List<ControlChange> controls,
        Map<FindingChangeCategory, Integer> findingCounts) {

    public int count(FindingChangeCategory category) {
        return findingCounts.getOrDefault(category, 0);
    }
}
