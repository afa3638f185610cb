package io.clusterproof.evidence;

import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.assessment.FrameworkScore;
import io.clusterproof.assessment.TrendPoint;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.MissingKind;
import io.clusterproof.snapshot.SnapshotSummary;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One cluster of a report: the last main-lineage assessment before the period ended (null when
 * there is none), its snapshot and score, the period's trend and the namespaces in the
 * framework's scope.
 *
 * @param namespacesWithoutObject namespaces in scope because the snapshot has no Namespace object
 *     for them, so their labels are unknown
 */
record ClusterEvidence(
        ClusterSummary cluster,
        @Nullable AssessmentSummary assessment,
        @Nullable SnapshotSummary snapshot,
        @Nullable FrameworkScore score,
        List<TrendPoint> trend,
        List<String> namespacesInScope,
        List<String> namespacesWithoutObject,
        List<MissingKind> missingKinds) {

    boolean assessed() {
        return assessment != null && snapshot != null && score != null;
    }

    String name() {
        return cluster.name();
    }

    AssessmentSummary requireAssessment() {
        if (assessment == null) {
            throw new IllegalStateException("cluster " + name() + " has no assessment");
        }
        return assessment;
    }

    SnapshotSummary requireSnapshot() {
        if (snapshot == null) {
            throw new IllegalStateException("cluster " + name() + " has no snapshot");
        }
        return snapshot;
    }

    FrameworkScore requireScore() {
        if (score == null) {
            throw new IllegalStateException("cluster " + name() + " has no score");
        }
        return score;
    }
}
