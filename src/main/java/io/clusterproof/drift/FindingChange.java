package io.clusterproof.drift;

import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ResourceKey;
import org.jspecify.annotations.Nullable;

/**
 * A finding whose status moved between two assessments.
 *
 * @param from its status before, null when there was no such finding
 * @param to its status now, null when the finding is gone (its resource was removed)
 * @param message the failure message for a fixed finding, else the current one
 */
public record FindingChange(
        FindingChangeCategory category,
        String checkId,
        Severity severity,
        ResourceKey resource,
        String apiVersion,
        @Nullable FindingStatus from,
        @Nullable FindingStatus to,
        String message) {}
