package io.clusterproof.evidence;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.assessment.TrendPoint;
import io.clusterproof.drift.DriftService;
import io.clusterproof.drift.FindingChangeCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A report's drift section, from the drift module: the cluster as the period began (its last
 * assessment before the start, or the first one in the period) against its last assessment in
 * the period. Changes are listed step by step between consecutive assessments, newest first,
 * keeping those that bear on the framework (a check of the framework, on a resource in its scope).
 * The database counts and picks them: a rollout of a large cluster moves hundreds of thousands of
 * findings, of which a report lists {@value #MAX_CHANGES}.
 */
@Component
class DriftRecords {

    static final int MAX_CHANGES = 500;

    private final DriftService drift;
    private final AssessmentQueries assessments;

    DriftRecords(DriftService drift, AssessmentQueries assessments) {
        this.drift = drift;
        this.assessments = assessments;
    }

    /** The drift of the cluster between the start and the end of {@code [from, to)} for the framework. */
    Drift of(long clusterId, String frameworkId, Instant from, Instant to) {
        var points = assessments.trend(clusterId, frameworkId, Instant.EPOCH, to);
        var inPeriod = points.stream().filter(p -> !p.takenAt().isBefore(from)).toList();
        if (inPeriod.isEmpty()) {
            return new Drift(null, null, 0, 0, 0, 0, 0, List.of());
        }
        var before = points.stream().filter(p -> p.takenAt().isBefore(from)).reduce((a, b) -> b);
        var steps = new ArrayList<TrendPoint>();
        before.ifPresent(steps::add);
        steps.addAll(inPeriod);
        var first = steps.get(0);
        var last = steps.get(steps.size() - 1);
        if (first.assessmentId() == last.assessmentId()) {
            return new Drift(first.assessmentId(), last.assessmentId(), 0, 0, 0, 0, 0, List.of());
        }
        var fromSnapshot = snapshotOf(first);
        var toSnapshot = snapshotOf(last);
        var resources = drift.summary(fromSnapshot, toSnapshot);
        var overall = assessmentsOf(fromSnapshot, toSnapshot);
        var counts = overall.map(p -> drift.findingCounts(p.from(), p.to(), frameworkId))
                .orElse(Map.of());
        var changes = new ArrayList<Change>();
        for (int i = steps.size() - 1; i > 0 && changes.size() < MAX_CHANGES; i--) {
            var step = steps.get(i);
            // one step only: it is the whole period, whose assessments are known already
            var pair = steps.size() == 2 ? overall : assessmentsOf(snapshotOf(steps.get(i - 1)), snapshotOf(step));
            pair.ifPresent(p -> drift.findingChanges(p.from(), p.to(), frameworkId, MAX_CHANGES - changes.size())
                    .forEach(change -> changes.add(new Change(
                            step.takenAt(),
                            change.resource().display(),
                            change.checkId(),
                            change.from() == null ? "absent" : change.from().name(),
                            change.to() == null ? "absent" : change.to().name()))));
        }
        return new Drift(
                first.assessmentId(),
                last.assessmentId(),
                resources.added(),
                resources.changed(),
                resources.removed(),
                counts.getOrDefault(FindingChangeCategory.NEWLY_FAILING, 0),
                counts.getOrDefault(FindingChangeCategory.FIXED, 0),
                List.copyOf(changes));
    }

    /**
     * The main-lineage assessments of two snapshots, as the drift page compares them; empty while
     * either is not assessed. Only the two summaries: the scores and counts of a whole diff are not
     * needed here.
     */
    private Optional<Assessed> assessmentsOf(long fromSnapshot, long toSnapshot) {
        var from = drift.assessmentOf(fromSnapshot);
        var to = drift.assessmentOf(toSnapshot);
        return from.isEmpty() || to.isEmpty() ? Optional.empty() : Optional.of(new Assessed(from.get(), to.get()));
    }

    private record Assessed(AssessmentSummary from, AssessmentSummary to) {}

    private long snapshotOf(TrendPoint point) {
        return assessments.get(point.assessmentId()).orElseThrow().snapshotId();
    }

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
