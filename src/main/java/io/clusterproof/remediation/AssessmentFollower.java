package io.clusterproof.remediation;

import io.clusterproof.assessment.AssessmentCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Moves remediation items after every assessment of a cluster's main lineage. */
@Component
class AssessmentFollower {

    private final RemediationSync sync;

    AssessmentFollower(RemediationSync sync) {
        this.sync = sync;
    }

    @ApplicationModuleListener
    void on(AssessmentCompleted event) {
        if (event.mainLineage()) {
            sync.catchUp(event.clusterId());
        }
    }
}
