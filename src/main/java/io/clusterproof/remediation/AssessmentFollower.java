package io.clusterproof.remediation;

import io.clusterproof.assessment.AssessmentCompleted;
import io.clusterproof.base.ListenerWithoutTransaction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

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

    @ListenerWithoutTransaction
    void on(AssessmentCompleted event) {
        if (event.mainLineage()) {
            sync.catchUp(
                    event.clusterId(),
                    applied -> events.publishEvent(
                            new RemediationFollowed(applied.id(), applied.clusterId(), applied.snapshotTakenAt())));
        }
    }
}
