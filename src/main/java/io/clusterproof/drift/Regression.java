package io.clusterproof.drift;

import io.clusterproof.assessment.AssessmentSummary;
import java.util.List;

/**
 * What makes an assessment a regression against the one before it: scores that fell, and new
 * failures of an alerting severity (the first few listed, all counted).
 */
record Regression(
        AssessmentSummary from,
        AssessmentSummary to,
        String clusterName,
        List<ScoreDelta> scoreDrops,
        List<FindingChange> newFailures,
        int newFailureCount) {

    boolean found() {
        return !scoreDrops.isEmpty() || newFailureCount > 0;
    }
}
