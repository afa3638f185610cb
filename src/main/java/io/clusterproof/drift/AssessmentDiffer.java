package io.clusterproof.drift;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.assessment.ControlResult;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.FrameworkScore;
import io.clusterproof.catalog.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Compares two assessments of a cluster's main lineage: scores, control statuses, finding counts. */
@Component
class AssessmentDiffer {

    private final AssessmentQueries assessments;
    private final FindingChanges findings;
    private final Catalog catalog;

    AssessmentDiffer(AssessmentQueries assessments, FindingChanges findings, Catalog catalog) {
        this.assessments = assessments;
        this.findings = findings;
        this.catalog = catalog;
    }

    /** The main-lineage assessment of a snapshot; the latest when the snapshot was assessed again since. */
    Optional<AssessmentSummary> ofSnapshot(long snapshotId) {
        return assessments.forSnapshot(snapshotId);
    }

    AssessmentDiff between(AssessmentSummary from, AssessmentSummary to) {
        if (!from.mainLineage() || !to.mainLineage() || from.clusterId() != to.clusterId()) {
            throw new IllegalArgumentException(
                    "only assessments of one cluster's main lineage compare: " + from.id() + ", " + to.id());
        }
        return new AssessmentDiff(
                from,
                to,
                scores(from.id(), to.id()),
                controls(from.id(), to.id()),
                findings.counts(to.clusterId(), from.id(), to.id()));
    }

    private List<ScoreDelta> scores(long from, long to) {
        var before = byFramework(assessments.scores(from));
        var after = byFramework(assessments.scores(to));
        var deltas = new ArrayList<ScoreDelta>();
        for (var id : frameworkOrder(before.keySet(), after.keySet())) {
            var a = before.get(id);
            var b = after.get(id);
            if (a == null || b == null) {
                continue;
            }
            deltas.add(new ScoreDelta(id, ScoreDelta.ScoreType.CONTROL, a.controlScore(), b.controlScore()));
            deltas.add(new ScoreDelta(id, ScoreDelta.ScoreType.RESOURCE, a.resourceScore(), b.resourceScore()));
        }
        return deltas;
    }

    private List<ControlChange> controls(long from, long to) {
        var changes = new ArrayList<ControlChange>();
        for (var framework : catalog.frameworks()) {
            var before = statuses(assessments.controls(from, framework.id()));
            var after = statuses(assessments.controls(to, framework.id()));
            var refs = new LinkedHashSet<>(before.keySet());
            refs.addAll(after.keySet());
            for (var ref : refs) {
                var a = before.get(ref);
                var b = after.get(ref);
                if (a != b) {
                    changes.add(new ControlChange(framework.id(), ref, a, b));
                }
            }
        }
        return changes;
    }

    private List<String> frameworkOrder(Set<String> before, Set<String> after) {
        var order = new LinkedHashSet<String>();
        catalog.frameworks().forEach(f -> order.add(f.id()));
        order.addAll(before);
        order.addAll(after);
        return List.copyOf(order);
    }

    private static Map<String, FrameworkScore> byFramework(List<FrameworkScore> scores) {
        return scores.stream()
                .collect(Collectors.toMap(
                        FrameworkScore::frameworkId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, ControlStatus> statuses(List<ControlResult> controls) {
        var statuses = new LinkedHashMap<String, ControlStatus>();
        controls.forEach(c -> statuses.put(c.ref(), c.status()));
        return statuses;
    }
}
