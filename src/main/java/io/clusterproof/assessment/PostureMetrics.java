package io.clusterproof.assessment;

import io.clusterproof.snapshot.ClusterService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
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
        var scoreRows = new ArrayList<MultiGauge.Row<?>>();
        var findingRows = new ArrayList<MultiGauge.Row<?>>();
        for (var cluster : clusters.list()) {
            var latest = assessments.latest(cluster.id()).orElse(null);
            if (latest == null) {
                continue;
            }
            for (var score : assessments.scores(latest.id())) {
                var tags = Tags.of("cluster", cluster.name(), "framework", score.frameworkId());
                if (score.scored()) {
                    scoreRows.add(MultiGauge.Row.of(tags.and("type", "control"), score.controlScore()));
                    scoreRows.add(MultiGauge.Row.of(tags.and("type", "verified"), score.verifiedShare()));
                }
                scoreRows.add(MultiGauge.Row.of(tags.and("type", "resource"), score.resourceScore()));
                scoreRows.add(MultiGauge.Row.of(tags.and("type", "coverage"), score.coverage()));
            }
            var total = assessments.countsByCheck(latest.id(), FindingFilter.all()).values().stream()
                    .reduce(StatusCounts.NONE, StatusCounts::plus);
            for (var status : FindingStatus.values()) {
                findingRows.add(MultiGauge.Row.of(
                        Tags.of("cluster", cluster.name(), "status", status.name()), total.of(status)));
            }
        }
        scores.register(scoreRows, true);
        findings.register(findingRows, true);
    }
}
