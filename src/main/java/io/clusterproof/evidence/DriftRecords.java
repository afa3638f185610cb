package io.clusterproof.evidence;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.TrendPoint;
import io.clusterproof.drift.AssessmentDiff;
import io.clusterproof.drift.DriftService;
import io.clusterproof.drift.FindingChange;
import io.clusterproof.drift.FindingChangeCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A report's drift section, from the drift module: the cluster as the period began (its last
 * assessment before the start, or the first one in the period) against its last assessment in
 * the period. Changes are listed step by step between consecutive assessments, newest first,
 * keeping those that bear on the framework (a check of the framework, on a resource in its scope).
 */
@Component
class DriftRecords {

    static final int MAX_CHANGES = 500;
    private static final int PAGE = 500;

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
        var overall = drift.assessmentDiff(fromSnapshot, toSnapshot);
        var changes = new ArrayList<Change>();
        for (int i = steps.size() - 1; i > 0 && changes.size() < MAX_CHANGES; i--) {
            var step = steps.get(i);
            drift.assessmentDiff(snapshotOf(steps.get(i - 1)), snapshotOf(step))
                    .ifPresent(diff -> changes.addAll(relevant(diff, frameworkId, step.takenAt())));
        }
        return new Drift(
                first.assessmentId(),
                last.assessmentId(),
                resources.added(),
                resources.changed(),
                resources.removed(),
                overall.map(d -> count(d, frameworkId, FindingChangeCategory.NEWLY_FAILING))
                        .orElse(0),
                overall.map(d -> count(d, frameworkId, FindingChangeCategory.FIXED))
                        .orElse(0),
                changes.stream()
                        .sorted(Comparator.comparing(Change::at).reversed())
                        .limit(MAX_CHANGES)
                        .toList());
    }

    private long snapshotOf(TrendPoint point) {
        return assessments.get(point.assessmentId()).orElseThrow().snapshotId();
    }

    private List<Change> relevant(AssessmentDiff diff, String frameworkId, Instant at) {
        var result = new ArrayList<Change>();
        for (var change : bearingOn(diff, all(diff, null), frameworkId)) {
            result.add(new Change(
                    at,
                    change.resource().display(),
                    change.checkId(),
                    change.from() == null ? "absent" : change.from().name(),
                    change.to() == null ? "absent" : change.to().name()));
        }
        return result;
    }

    private int count(AssessmentDiff diff, String frameworkId, FindingChangeCategory category) {
        return bearingOn(diff, all(diff, category), frameworkId).size();
    }

    private List<FindingChange> all(AssessmentDiff diff, @Nullable FindingChangeCategory category) {
        var result = new ArrayList<FindingChange>();
        for (long offset = 0; ; offset += PAGE) {
            var page = drift.findingChanges(diff, category, offset, PAGE);
            result.addAll(page);
            if (page.size() < PAGE) {
                return result;
            }
        }
    }

    /**
     * The changes whose finding counted for the framework, as it stands after the change or, for
     * a finding gone, before it. The frameworks are read a check at a time, not a change at a time.
     */
    private List<FindingChange> bearingOn(AssessmentDiff diff, List<FindingChange> changes, String frameworkId) {
        var byCheck = new LinkedHashMap<String, List<FindingChange>>();
        changes.forEach(c ->
                byCheck.computeIfAbsent(c.checkId(), k -> new ArrayList<>()).add(c));
        var bearing = new HashSet<FindingChange>();
        byCheck.forEach((checkId, ofCheck) -> {
            var resources = ofCheck.stream().map(FindingChange::resource).toList();
            var after = assessments.frameworksOf(diff.to().id(), checkId, resources);
            var gone = resources.stream().filter(r -> !after.containsKey(r)).toList();
            var before = assessments.frameworksOf(diff.from().id(), checkId, gone);
            for (var change : ofCheck) {
                var frameworks = after.containsKey(change.resource())
                        ? after.get(change.resource())
                        : before.get(change.resource());
                if (frameworks != null && frameworks.contains(frameworkId)) {
                    bearing.add(change);
                }
            }
        });
        return changes.stream().filter(bearing::contains).toList();
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
