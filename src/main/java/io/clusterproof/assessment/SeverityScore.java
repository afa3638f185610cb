package io.clusterproof.assessment;

import io.clusterproof.catalog.Severity;

/** The resource score of the checks of one severity: passing resource-checks ÷ counted ones. */
public record SeverityScore(Severity severity, int passingChecks, int totalChecks) {

    public double resourceScore() {
        return FrameworkScore.percent(passingChecks, totalChecks);
    }
}
