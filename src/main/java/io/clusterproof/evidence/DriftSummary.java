package io.clusterproof.evidence;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Supplied by the module that diffs snapshots and assessments: what changed in a cluster during a
 * period, as it bears on one framework. Without a bean the report says that no drift is recorded.
 */
public interface DriftSummary {

    /** The drift of the cluster between the start and the end of {@code [from, to)} for the framework. */
    Drift of(long clusterId, String frameworkId, Instant from, Instant to);

    /**
     * @param fromAssessmentId the assessment the comparison starts from (the baseline), if any
     * @param toAssessmentId the assessment it ends at, if any
     * @param changes the notable changes, newest first; the counts cover all of them
     */
    record Drift(
            @Nullable Long fromAssessmentId,
            @Nullable Long toAssessmentId,
            int resourcesAdded,
            int resourcesChanged,
            int resourcesRemoved,
            int findingsNewlyFailing,
            int findingsFixed,
            List<Change> changes) {}

    /**
     * One change: a finding whose status moved, or a resource that appeared, changed or went.
     *
     * @param resource for people, e.g. {@code Deployment payments/api}
     * @param checkId the check whose result changed, if the change is about a finding
     * @param before the status or state before, e.g. {@code PASS} or {@code absent}
     */
    record Change(Instant at, String resource, @Nullable String checkId, String before, String after) {}
}
