package io.clusterproof.drift;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.base.CsvRows;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.ObjectNormaliser;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotSummary;
import jakarta.annotation.security.PermitAll;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What changed between two snapshots of a cluster and how posture moved with it. Objects that
 * differ are found from the stored digests; bodies are read and compared field by field only for
 * objects that changed, a page (or a batch, when streaming) at a time. Everything read here is
 * redacted already, and bodies are normalised again before comparing, so rules added since a body
 * was stored apply to it too. Every role may read drift.
 */
@Service
@Transactional(readOnly = true)
public class DriftService {

    private static final int FIELD_BATCH = 250;
    private static final int TIMELINE_SNAPSHOT_PAGES = 20;
    private static final int TIMELINE_PAGE = 200;

    private final SnapshotReader snapshots;
    private final SnapshotChanges changes;
    private final FindingChanges findings;
    private final AssessmentDiffer differ;
    private final AssessmentQueries assessments;
    private final RegressionStore regressions;
    private final Catalog catalog;

    DriftService(
            SnapshotReader snapshots,
            SnapshotChanges changes,
            FindingChanges findings,
            AssessmentDiffer differ,
            AssessmentQueries assessments,
            RegressionStore regressions,
            Catalog catalog) {
        this.snapshots = snapshots;
        this.changes = changes;
        this.findings = findings;
        this.differ = differ;
        this.assessments = assessments;
        this.regressions = regressions;
        this.catalog = catalog;
    }

    /** Counts per namespace and kind of what differs between two snapshots of one cluster. */
    @PermitAll
    public SnapshotDiffSummary summary(long fromSnapshot, long toSnapshot) {
        var pair = pair(fromSnapshot, toSnapshot);
        var groups = new ArrayList<ChangeCount>();
        int controlled = 0;
        for (var count : changes.counts(pair.clusterId(), fromSnapshot, toSnapshot)) {
            if (count.controlled()) {
                controlled += count.count().total();
            } else {
                groups.add(count.count());
            }
        }
        return new SnapshotDiffSummary(pair.from(), pair.to(), List.copyOf(groups), controlled);
    }

    @PermitAll
    public long countChanges(long fromSnapshot, long toSnapshot, ChangeFilter filter) {
        var pair = pair(fromSnapshot, toSnapshot);
        return changes.count(pair.clusterId(), fromSnapshot, toSnapshot, filter);
    }

    /** A page of changes by namespace, kind and name, changed objects with their field differences. */
    @PermitAll
    public List<ResourceChange> changes(
            long fromSnapshot, long toSnapshot, ChangeFilter filter, long offset, int limit) {
        var pair = pair(fromSnapshot, toSnapshot);
        return withFields(changes.page(pair.clusterId(), fromSnapshot, toSnapshot, filter, offset, limit));
    }

    /** One object's change, with its field differences; empty when it did not change. */
    @PermitAll
    public Optional<ResourceChange> change(long fromSnapshot, long toSnapshot, ResourceKey key) {
        var pair = pair(fromSnapshot, toSnapshot);
        return changes.one(pair.clusterId(), fromSnapshot, toSnapshot, key)
                .map(c -> withFields(List.of(c)).get(0));
    }

    /**
     * Every change with its field differences, in order, bodies read a batch at a time; returns
     * how many there were. Changes whose only differences are churn are passed on too (see {@link
     * ResourceChange#churnOnly()}).
     */
    @PermitAll
    public int forEachChange(
            long fromSnapshot, long toSnapshot, ChangeFilter filter, Consumer<ResourceChange> consumer) {
        var pair = pair(fromSnapshot, toSnapshot);
        var batch = new ArrayList<ResourceChange>(FIELD_BATCH);
        int[] count = {0};
        changes.forEach(pair.clusterId(), fromSnapshot, toSnapshot, filter, change -> {
            batch.add(change);
            count[0]++;
            if (batch.size() == FIELD_BATCH) {
                withFields(batch).forEach(consumer);
                batch.clear();
            }
        });
        withFields(batch).forEach(consumer);
        return count[0];
    }

    /** The changes as CSV, one line per changed field (one per object added or removed), for spreadsheets. */
    @PermitAll
    public void exportCsv(long fromSnapshot, long toSnapshot, ChangeFilter filter, Writer out) {
        var header = List.of(
                "change", "kind", "namespace", "name", "api_version", "field", "field_change", "before", "after");
        try (var csv = CsvRows.to(out, header)) {
            forEachChange(fromSnapshot, toSnapshot, filter, change -> {
                var key = change.key();
                var fields = change.fields().isEmpty()
                        ? List.<FieldChange>of(new FieldChange("", change.type(), null, null, null))
                        : change.fields();
                for (var field : fields) {
                    csv.row(Arrays.asList(
                            change.churnOnly()
                                    ? "CHANGED (churn only)"
                                    : change.type().name(),
                            key.qualifiedKind(),
                            key.namespace(),
                            key.name(),
                            change.apiVersion(),
                            field.path(),
                            field.path().isEmpty() ? "" : field.type().name(),
                            field.before(),
                            field.after()));
                }
            });
        }
    }

    /** The main-lineage assessment of a snapshot (the latest, when it was assessed again since). */
    @PermitAll
    public Optional<AssessmentSummary> assessmentOf(long snapshotId) {
        return differ.ofSnapshot(snapshotId);
    }

    /** How posture moved between the assessments of two snapshots; empty while either is not assessed. */
    @PermitAll
    public Optional<AssessmentDiff> assessmentDiff(long fromSnapshot, long toSnapshot) {
        pair(fromSnapshot, toSnapshot);
        var from = differ.ofSnapshot(fromSnapshot);
        var to = differ.ofSnapshot(toSnapshot);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(differ.between(from.get(), to.get()));
    }

    /** A page of the findings that moved, worst first; a null category lists every category. */
    @PermitAll
    public List<FindingChange> findingChanges(
            AssessmentDiff diff, @Nullable FindingChangeCategory category, long offset, int limit) {
        return findings.page(
                diff.to().clusterId(), diff.from().id(), diff.to().id(), category, Set.of(), null, offset, limit);
    }

    /**
     * How many findings that count for a framework moved each way: as the finding stands after
     * the move, or before it when it is gone.
     */
    @PermitAll
    public Map<FindingChangeCategory, Integer> findingCounts(
            AssessmentSummary from, AssessmentSummary to, String frameworkId) {
        return findings.counts(to.clusterId(), from.id(), to.id(), frameworkId);
    }

    /** The first findings that moved and count for a framework (see {@link #findingCounts}), worst first. */
    @PermitAll
    public List<FindingChange> findingChanges(
            AssessmentSummary from, AssessmentSummary to, String frameworkId, int limit) {
        return findings.page(to.clusterId(), from.id(), to.id(), null, Set.of(), frameworkId, 0, limit);
    }

    @PermitAll
    public long countFindingChanges(AssessmentDiff diff, @Nullable FindingChangeCategory category) {
        return findings.count(diff.to().clusterId(), diff.from().id(), diff.to().id(), category, Set.of());
    }

    /** The findings that moved, of some resources. */
    @PermitAll
    public Map<ResourceKey, List<FindingChange>> findingChangesOf(
            AssessmentDiff diff, Collection<ResourceKey> resources) {
        return findings.of(diff.to().clusterId(), diff.from().id(), diff.to().id(), resources);
    }

    /** Scores per framework and changes per snapshot between two times. */
    @PermitAll
    public Timeline timeline(long clusterId, Instant from, Instant to) {
        var series = catalog.frameworks().stream()
                .map(f -> new Timeline.Series(f.id(), f.name(), assessments.trend(clusterId, f.id(), from, to)))
                .toList();
        var points = new ArrayList<Timeline.SnapshotPoint>();
        long oldest = -1;
        boolean reachedFirst = false;
        for (int page = 0; page < TIMELINE_SNAPSHOT_PAGES; page++) {
            var list = snapshots
                    .list(clusterId, PageRequest.of(page, TIMELINE_PAGE))
                    .getContent();
            for (var snapshot : list) {
                oldest = snapshot.id();
                if (!snapshot.takenAt().isBefore(from) && snapshot.takenAt().isBefore(to)) {
                    points.add(new Timeline.SnapshotPoint(
                            snapshot.id(),
                            snapshot.takenAt(),
                            snapshot.added(),
                            snapshot.changed(),
                            snapshot.removed()));
                }
            }
            reachedFirst = list.size() < TIMELINE_PAGE;
            if (reachedFirst || list.get(list.size() - 1).takenAt().isBefore(from)) {
                break;
            }
        }
        if (reachedFirst) {
            // the cluster's first snapshot "adds" every object: that is no drift
            var first = oldest;
            points.removeIf(p -> p.snapshotId() == first);
        }
        points.sort((a, b) -> a.takenAt().compareTo(b.takenAt()));
        return new Timeline(series, points);
    }

    /** The cluster's latest regressions, newest first, with how their alerts were delivered. */
    @PermitAll
    public List<RegressionSummary> regressions(long clusterId, int limit) {
        return regressions.recent(clusterId, limit);
    }

    private List<ResourceChange> withFields(List<ResourceChange> page) {
        var digests = page.stream()
                .filter(c -> c.type() == ChangeType.CHANGED)
                .flatMap(c -> Stream.of(c.fromDigest(), c.toDigest()))
                .toList();
        if (digests.isEmpty()) {
            return List.copyOf(page);
        }
        var bodies = changes.bodies(digests);
        bodies.values().forEach(ObjectNormaliser::normalise);
        return page.stream()
                .map(c -> c.type() == ChangeType.CHANGED
                        ? c.withFields(FieldDiff.between(
                                bodies.getOrDefault(c.fromDigest(), Map.of()),
                                bodies.getOrDefault(c.toDigest(), Map.of())))
                        : c)
                .toList();
    }

    private record Pair(SnapshotSummary from, SnapshotSummary to) {

        long clusterId() {
            return to.clusterId();
        }
    }

    private Pair pair(long fromSnapshot, long toSnapshot) {
        var from = snapshots
                .summary(fromSnapshot)
                .orElseThrow(() -> new UserFacingException("Snapshot " + fromSnapshot + " does not exist."));
        var to = snapshots
                .summary(toSnapshot)
                .orElseThrow(() -> new UserFacingException("Snapshot " + toSnapshot + " does not exist."));
        if (from.clusterId() != to.clusterId()) {
            throw new UserFacingException("Snapshots " + fromSnapshot + " and " + toSnapshot
                    + " are of different clusters: drift compares two snapshots of one cluster.");
        }
        return new Pair(from, to);
    }
}
