package io.clusterproof.remediation;

import io.clusterproof.assessment.AssessmentService;
import io.clusterproof.base.ListenerWithoutTransaction;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import org.springframework.stereotype.Component;

/**
 * After a waiver or attestation decision is committed, assesses the affected clusters' latest
 * snapshots again, so posture and remediation items reflect the decision at once.
 */
@Component
class PostureRefresher {

    private final AssessmentService assessments;
    private final ClusterService clusters;

    PostureRefresher(AssessmentService assessments, ClusterService clusters) {
        this.assessments = assessments;
        this.clusters = clusters;
    }

    @ListenerWithoutTransaction
    void on(PostureInputsChanged event) {
        if (event.clusterId() != null) {
            assessments.refresh(event.clusterId());
        } else {
            clusters.list().stream().map(ClusterSummary::id).forEach(assessments::refresh);
        }
    }
}
