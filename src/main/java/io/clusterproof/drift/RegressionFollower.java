package io.clusterproof.drift;

import io.clusterproof.assessment.AssessmentCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Looks for a regression after every assessment of a cluster's main lineage. */
@Component
class RegressionFollower {

    private final RegressionAlerts alerts;

    RegressionFollower(RegressionAlerts alerts) {
        this.alerts = alerts;
    }

    @ApplicationModuleListener
    void on(AssessmentCompleted event) {
        if (event.mainLineage()) {
            alerts.check(event);
        }
    }
}
