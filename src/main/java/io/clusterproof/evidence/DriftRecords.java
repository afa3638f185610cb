package io.clusterproof.evidence;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.TrendPoint;
import io.clusterproof.drift.AssessmentDiff;
import io.clusterproof.drift.DriftService;
import io.clusterproof.drift.FindingChange;
import io.clusterproof.drift.FindingChangeCategory;
import io.clusterproof.snapshot.ResourceKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A report's drift section, from the drift module: the cluster as the period began (its last
 * assessment before the start, or the first one in the period) against its last assessment in
 * the period. Changes are listed step by step between consecutive assessments, newest first,
 * keeping those that bear on the framework (a check of the framework, on a resource in its scope).
 *
 * <p>A rollout of a large cluster moves hundreds of thousands of findings: they are read as they
 * stream from one query per diff, a chunk at a time, and only the counts and the listed changes
 * are kept.
 */
@Component
class DriftRecords {

    static final int MAX_CHANGES = 500;
    private static final int CHUNK = 1000;

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
        var counts = new EnumMap<FindingChangeCategory, Integer>(FindingChangeCategory.class);
        var changes = new ArrayList<Change>();
        // one step only: its diff is the whole period's, read once for the counts and the list
        boolean oneStep = steps.size() == 2;
        drift.assessmentDiff(fromSnapshot, toSnapshot)
                .ifPresent(overall -> eachBearingOn(overall, frameworkId, change -> {
                    counts.merge(change.category(), 1, Integer::sum);
                    if (oneStep) {
                        list(changes, change, last.takenAt());
                    }
                }));
        for (int i = steps.size() - 1; !oneStep && i > 0 && changes.size() < MAX_CHANGES; i--) {
            var step = steps.get(i);
            drift.assessmentDiff(snapshotOf(steps.get(i - 1)), snapshotOf(step))
                    .ifPresent(
                            diff -> eachBearingOn(diff, frameworkId, change -> list(changes, change, step.takenAt())));
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

    private long snapshotOf(TrendPoint point) {
        return assessments.get(point.assessmentId()).orElseThrow().snapshotId();
    }

    /** Lists a change while there is room: steps come newest first, and each step's changes worst first. */
    private static void list(List<Change> changes, FindingChange change, Instant at) {
        if (changes.size() < MAX_CHANGES) {
            changes.add(new Change(
                    at,
                    change.resource().display(),
                    change.checkId(),
                    change.from() == null ? "absent" : change.from().name(),
                    change.to() == null ? "absent" : change.to().name()));
        }
    }

    /** Hands out, worst first, the diff's changes that bear on the framework, a chunk at a time. */
    private void eachBearingOn(AssessmentDiff diff, String frameworkId, Consumer<FindingChange> action) {
        var chunk = new ArrayList<FindingChange>(CHUNK);
        drift.forEachFindingChange(diff, null, change -> {
            chunk.add(change);
            if (chunk.size() == CHUNK) {
                bearingOn(diff, chunk, frameworkId).forEach(action);
                chunk.clear();
            }
        });
        bearingOn(diff, chunk, frameworkId).forEach(action);
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
            var before = gone.isEmpty()
                    ? Map.<ResourceKey, Set<String>>of()
                    : assessments.frameworksOf(diff.from().id(), checkId, gone);
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
