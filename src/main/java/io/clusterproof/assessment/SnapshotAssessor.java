package io.clusterproof.assessment;

import io.clusterproof.base.ListenerWithoutTransaction;
import io.clusterproof.snapshot.SnapshotCollected;
import org.springframework.stereotype.Component;

/** Assesses each snapshot once it is stored. The event is kept until this succeeds, so a crash loses nothing. */
@Component
class SnapshotAssessor {

    private final AssessmentRunner runner;

    SnapshotAssessor(AssessmentRunner runner) {
        this.runner = runner;
    }

    @ListenerWithoutTransaction
    void on(SnapshotCollected event) {
        runner.assessPending(event.clusterId());
    }
}
