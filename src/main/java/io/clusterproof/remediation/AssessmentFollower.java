package io.clusterproof.remediation;

import io.clusterproof.assessment.AssessmentCompleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Moves remediation items after every assessment of a cluster's main lineage, and says so with
 * {@link RemediationFollowed} for each assessment applied.
 */
@Component
class AssessmentFollower {

    private final RemediationSync sync;
    private final ApplicationEventPublisher events;

    AssessmentFollower(RemediationSync sync, ApplicationEventPublisher events) {
        this.sync = sync;
        this.events = events;
    }

    // no transaction around the work: each assessment's transitions commit in a transaction of its own, and holding a
    // connection for an idle outer one meanwhile starves the pool (OneConnectionTest)
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AssessmentCompleted event) {
        if (event.mainLineage()) {
            sync.catchUp(
                    event.clusterId(),
                    applied -> events.publishEvent(
                            new RemediationFollowed(applied.id(), applied.clusterId(), applied.snapshotTakenAt())));
        }
    }
}
