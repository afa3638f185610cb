package io.clusterproof.assessment;

import io.clusterproof.snapshot.SnapshotCollected;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/** Assesses each snapshot once it is stored. The event is kept until this succeeds, so a crash loses nothing. */
@Component
class SnapshotAssessor {

    private final AssessmentRunner runner;

    SnapshotAssessor(AssessmentRunner runner) {
        this.runner = runner;
    }

    // no transaction around the work: each snapshot's assessment commits in a transaction of its own, and holding a
    // connection for an idle outer one meanwhile starves the pool (OneConnectionTest)
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SnapshotCollected event) {
        runner.assessPending(event.clusterId());
    }
}
