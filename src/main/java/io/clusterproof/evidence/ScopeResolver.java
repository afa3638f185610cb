package io.clusterproof.evidence;

import io.clusterproof.assessment.AssessmentProperties;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.TrendPoint;
import io.clusterproof.base.BaseProperties;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.catalog.LabelSelectors;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.SnapshotReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Checks an export request and finds, per cluster, the assessment and figures it is reported on. */
@Component
class ScopeResolver {

    private static final int MAX_DAYS = 3660;

    private final ClusterService clusters;
    private final AssessmentQueries assessments;
    private final SnapshotReader snapshots;
    private final Catalog catalog;
    private final AssessmentProperties assessmentProperties;
    private final BaseProperties base;

    ScopeResolver(
            ClusterService clusters,
            AssessmentQueries assessments,
            SnapshotReader snapshots,
            Catalog catalog,
            AssessmentProperties assessmentProperties,
            BaseProperties base) {
        this.clusters = clusters;
        this.assessments = assessments;
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.assessmentProperties = assessmentProperties;
        this.base = base;
    }

    /** Throws {@link InvalidExportException} naming the field when the request cannot be served. */
    void validate(ExportRequest request) {
        framework(request.frameworkId());
        clustersOf(request);
        if (request.from().isAfter(request.to())) {
            throw new InvalidExportException(
                    "from", "The period starts (" + request.from() + ") after it ends (" + request.to() + ").");
        }
        if (request.from().plusDays(MAX_DAYS).isBefore(request.to())) {
            throw new InvalidExportException("from", "A period may cover at most " + MAX_DAYS + " days.");
        }
    }

    ReportScope resolve(ExportRequest request) {
        validate(request);
        var framework = framework(request.frameworkId());
        var zone = base.timeZone();
        var start = request.from().atStartOfDay(zone).toInstant();
        var end = request.to().plusDays(1).atStartOfDay(zone).toInstant();
        var evidence = clustersOf(request).stream()
                .map(c -> evidence(c, framework, start, end))
                .toList();
        return new ReportScope(
                framework,
                request.from(),
                request.to(),
                start,
                end,
                zone,
                catalog.digest(),
                List.copyOf(assessmentProperties.systemNamespaces()),
                evidence);
    }

    private FrameworkDefinition framework(String id) {
        return catalog.framework(id)
                .orElseThrow(() -> new InvalidExportException(
                        "framework",
                        "There is no framework \"" + id + "\"; the catalog has "
                                + String.join(
                                        ", ",
                                        catalog.frameworks().stream()
                                                .map(FrameworkDefinition::id)
                                                .toList())
                                + "."));
    }

    private List<ClusterSummary> clustersOf(ExportRequest request) {
        if (request.clusterIds().isEmpty()) {
            throw new InvalidExportException("clusters", "Choose at least one cluster.");
        }
        if (request.clusterIds().size() > ExportRequest.MAX_CLUSTERS) {
            throw new InvalidExportException("clusters", "Choose at most " + ExportRequest.MAX_CLUSTERS + " clusters.");
        }
        var result = new ArrayList<ClusterSummary>();
        for (var id : new LinkedHashSet<>(request.clusterIds())) {
            result.add(clusters.get(id)
                    .orElseThrow(() -> new InvalidExportException("clusters", "Cluster " + id + " does not exist.")));
        }
        return result;
    }

    private ClusterEvidence evidence(
            ClusterSummary cluster, FrameworkDefinition framework, Instant start, Instant end) {
        var upToEnd = assessments.trend(cluster.id(), framework.id(), Instant.EPOCH, end);
        if (upToEnd.isEmpty()) {
            return new ClusterEvidence(cluster, null, null, null, List.of(), List.of(), List.of(), List.of());
        }
        var assessment =
                assessments.get(upToEnd.get(upToEnd.size() - 1).assessmentId()).orElseThrow();
        var snapshot = snapshots.summary(assessment.snapshotId()).orElseThrow();
        var score = assessments.scores(assessment.id()).stream()
                .filter(s -> s.frameworkId().equals(framework.id()))
                .findFirst()
                .orElse(null);
        var trend = new ArrayList<TrendPoint>();
        upToEnd.stream().filter(p -> !p.takenAt().isBefore(start)).forEach(trend::add);
        var inScope = new ArrayList<String>();
        var withoutObject = new ArrayList<String>();
        var labels = snapshots.namespaceLabels(snapshot.id());
        var all = new TreeSet<>(snapshots.namespaces(snapshot.id()));
        all.addAll(labels.keySet());
        var selector = framework.effectiveScope().namespaceSelector();
        for (var namespace : all) {
            if (assessmentProperties.systemNamespaces().contains(namespace)) {
                continue;
            }
            if (!labels.containsKey(namespace)) {
                inScope.add(namespace);
                withoutObject.add(namespace);
            } else if (selector == null || LabelSelectors.matches(selector, labels.get(namespace))) {
                inScope.add(namespace);
            }
        }
        return new ClusterEvidence(
                cluster,
                assessment,
                snapshot,
                score,
                List.copyOf(trend),
                inScope,
                withoutObject,
                snapshots.missingKinds(snapshot.id()));
    }
}
