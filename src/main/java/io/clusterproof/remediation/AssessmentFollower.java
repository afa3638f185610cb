package io.clusterproof.remediation;

import io.clusterproof.assessment.AssessmentCompleted;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Moves remediation items after every assessment of a cluster's main lineage. */
@Component
class AssessmentFollower {

    private final RemediationSync sync;
    private final ObjectProvider<DemoRemediation> demo;

    AssessmentFollower(RemediationSync sync, ObjectProvider<DemoRemediation> demo) {
        this.sync = sync;
        this.demo = demo;
    }

    @ApplicationModuleListener
    void on(AssessmentCompleted event) {
        if (event.mainLineage()) {
            sync.catchUp(
                    event.clusterId(),
                    applied ->
                            demo.ifAvailable(d -> d.afterAssessment(applied.clusterId(), applied.snapshotTakenAt())));
        }
    }
}
