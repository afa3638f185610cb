package io.clusterproof.drift;

import java.time.Instant;

/**
 * A regression found after an assessment, and how its alert deliveries went.
 *
 * @param delivered deliveries that reached their webhook
 * @param pending deliveries still being tried
 * @param failed deliveries that failed for good or were cancelled
 */
public record RegressionSummary(
        long id,
        long clusterId,
        long assessmentId,
        long previousAssessmentId,
        long snapshotId,
        long previousSnapshotId,
        Instant detectedAt,
        int scoreDrops,
        int newFailures,
        String summary,
        int delivered,
        int pending,
        int failed) {}
