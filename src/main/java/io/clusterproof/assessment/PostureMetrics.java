package io.clusterproof.assessment;

import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posture for Prometheus, from each cluster's latest assessment:
 * {@code clusterproof_framework_score{cluster, framework, type="control|verified|resource|coverage"}} in
 * percent and {@code clusterproof_findings{cluster, status}}. Refreshed after every assessment
 * from the stored aggregates, never by scanning findings on a scrape. Each replica keeps its own
 * gauges, and only the replica that ran an assessment hears of it: the others look now and then
 * whether the database holds assessments they have not shown, so every replica scrapes alike.
 */
@Component
class PostureMetrics {

    private final AssessmentQueries assessments;
    private final ClusterService clusters;
    private final MultiGauge scores;
    private final MultiGauge findings;
    private final JdbcTemplate jdbc;
    private volatile String shown = "";
    private volatile Map<Tags, Double> scoreValues = Map.of();
    private volatile Map<Tags, Double> findingValues = Map.of();
    /** Finding totals by status of the assessments shown, by assessment id; only refresh() touches it. */
    private Map<Long, StatusCounts> findingTotals = Map.of();

    PostureMetrics(AssessmentQueries assessments, ClusterService clusters, MeterRegistry registry, JdbcTemplate jdbc) {
        this.assessments = assessments;
        this.clusters = clusters;
        this.jdbc = jdbc;
        this.scores = MultiGauge.builder("clusterproof.framework.score")
                .description("Score of the latest assessment in percent, by cluster, framework and score type")
                .baseUnit("percent")
                .register(registry);
        this.findings = MultiGauge.builder("clusterproof.findings")
                .description("Findings of the latest assessment, by cluster and status")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        refresh();
    }

    @ApplicationModuleListener
    void on(AssessmentCompleted event) {
        if (event.mainLineage()) {
            refresh();
        }
    }

    @Scheduled(
            fixedDelayString = "${clusterproof.assessment.metrics-interval:60s}",
            initialDelayString = "${clusterproof.assessment.metrics-interval:60s}")
    void refreshIfAssessedElsewhere() {
        if (!latestMainAssessments().equals(shown)) {
            refresh();
        }
    }

    /** The newest main-lineage assessment and how many clusters have one: changes with any new assessment. */
    private String latestMainAssessments() {
        return String.valueOf(jdbc.queryForObject(
                "select concat(concat(coalesce(max(id), 0), '/'), count(distinct cluster_id))"
                        + " from assessment where lineage = 0",
                String.class));
    }

    synchronized void refresh() {
        shown = latestMainAssessments();
        var newScores = new LinkedHashMap<Tags, Double>();
        var newFindings = new LinkedHashMap<Tags, Double>();
        var fleet = clusters.list();
        var postures = assessments.latestPostures(
                fleet.stream().map(ClusterSummary::id).toList());
        var counted = new HashMap<Long, StatusCounts>();
        for (var cluster : fleet) {
            var posture = postures.get(cluster.id());
            if (posture == null) {
                continue;
            }
            for (var score : posture.scores()) {
                var tags = Tags.of("cluster", cluster.name(), "framework", score.frameworkId());
                if (score.scored()) {
                    newScores.put(tags.and("type", "control"), score.controlScore());
                    newScores.put(tags.and("type", "verified"), score.verifiedShare());
                }
                newScores.put(tags.and("type", "resource"), score.resourceScore());
                newScores.put(tags.and("type", "coverage"), score.coverage());
            }
            // an assessment's findings never change: counted once, not at every refresh of the fleet
            var id = posture.assessment().id();
            var total = findingTotals.containsKey(id)
                    ? findingTotals.get(id)
                    : assessments.countsByCheck(id, FindingFilter.all()).values().stream()
                            .reduce(StatusCounts.NONE, StatusCounts::plus);
            counted.put(id, total);
            for (var status : FindingStatus.values()) {
                newFindings.put(Tags.of("cluster", cluster.name(), "status", status.name()), (double) total.of(status));
            }
        }
        findingTotals = counted;
        // the values change in place; a gauge is added or removed only when its labels come or go.
        // Re-registering every gauge (overwrite) let a scrape at that moment see a label set twice.
        scoreValues = newScores;
        findingValues = newFindings;
        scores.register(rows(newScores.keySet(), () -> scoreValues), false);
        findings.register(rows(newFindings.keySet(), () -> findingValues), false);
    }

    private static List<MultiGauge.Row<?>> rows(Set<Tags> labels, Supplier<Map<Tags, Double>> values) {
        return labels.stream()
                .<MultiGauge.Row<?>>map(tags ->
                        MultiGauge.Row.of(tags, values, v -> v.get().getOrDefault(tags, Double.NaN)))
                .toList();
    }
}
