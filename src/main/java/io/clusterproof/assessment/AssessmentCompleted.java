package io.clusterproof.assessment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An assessment was stored.
 *
 * @param previousAssessmentId the assessment before it in the cluster's main lineage, if any
 * @param mainLineage false for an on-demand re-assessment of an older snapshot
 */
public record AssessmentCompleted(
        long assessmentId,
        long clusterId,
        long snapshotId,
        Instant snapshotTakenAt,
        @Nullable Long previousAssessmentId,
        boolean mainLineage) {}
