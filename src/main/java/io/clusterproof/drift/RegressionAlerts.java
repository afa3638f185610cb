package io.clusterproof.drift;

import io.clusterproof.assessment.AssessmentCompleted;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.snapshot.ClusterService;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compares each assessment of a cluster's main lineage with the one before it. When a framework
 * score fell (by more than the configured margin) or a finding of an alerting severity newly
 * fails, it stores a regression and a delivery for each enabled webhook that covers the cluster,
 * in the same transaction; the deliveries go out once it commits.
 */
@Component
class RegressionAlerts {

    private static final Logger log = LoggerFactory.getLogger(RegressionAlerts.class);

    /** New failures listed in a payload; all are counted. */
    static final int LISTED_FAILURES = 50;

    private final AssessmentQueries assessments;
    private final AssessmentDiffer differ;
    private final FindingChanges findings;
    private final RegressionStore regressions;
    private final WebhookRepository webhooks;
    private final DeliveryQueue queue;
    private final AlertPayloads payloads;
    private final DeliveryWorker worker;
    private final ClusterService clusters;
    private final DriftProperties properties;
    private final Clock clock;

    RegressionAlerts(
            AssessmentQueries assessments,
            AssessmentDiffer differ,
            FindingChanges findings,
            RegressionStore regressions,
            WebhookRepository webhooks,
            DeliveryQueue queue,
            AlertPayloads payloads,
            DeliveryWorker worker,
            ClusterService clusters,
            DriftProperties properties,
            Clock clock) {
        this.assessments = assessments;
        this.differ = differ;
        this.findings = findings;
        this.regressions = regressions;
        this.webhooks = webhooks;
        this.queue = queue;
        this.payloads = payloads;
        this.worker = worker;
        this.clusters = clusters;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs inside the caller's transaction. A replayed event finds its regression stored and does nothing. */
    void check(AssessmentCompleted event) {
        if (!event.mainLineage() || event.previousAssessmentId() == null || regressions.exists(event.assessmentId())) {
            return;
        }
        var from = assessments.get(event.previousAssessmentId()).orElse(null);
        var to = assessments.get(event.assessmentId()).orElse(null);
        if (from == null || to == null) {
            return;
        }
        var regression = detect(from, to);
        if (!regression.found()) {
            return;
        }
        var summary = payloads.summary(regression);
        var now = clock.instant();
        var id = regressions.insert(regression, summary, now);
        int enqueued = 0;
        for (var webhook : webhooks.findByEnabledTrueOrderByName()) {
            if (webhook.covers(to.clusterId())) {
                queue.enqueue(
                        webhook.id(),
                        id,
                        DeliveryQueue.REGRESSION,
                        payloads.regression(webhook.format(), id, regression),
                        now);
                enqueued++;
            }
        }
        log.info(
                "Regression on cluster {} in assessment #{}: {} ({} webhook deliveries queued)",
                regression.clusterName(),
                to.id(),
                summary,
                enqueued);
        if (enqueued > 0) {
            AfterCommit.run(worker::deliverSoon);
        }
    }

    Regression detect(AssessmentSummary from, AssessmentSummary to) {
        var diff = differ.between(from, to);
        var drops = diff.scores().stream()
                .filter(d -> d.delta() < 0 && -d.delta() > properties.alertMinScoreDrop())
                .toList();
        var severities = properties.alertSeverities();
        var count = (int)
                findings.count(to.clusterId(), from.id(), to.id(), FindingChangeCategory.NEWLY_FAILING, severities);
        var listed = count == 0
                ? List.<FindingChange>of()
                : findings.page(
                        to.clusterId(),
                        from.id(),
                        to.id(),
                        FindingChangeCategory.NEWLY_FAILING,
                        severities,
                        null,
                        0,
                        LISTED_FAILURES);
        var clusterName = clusters.get(to.clusterId()).map(c -> c.name()).orElse("cluster-" + to.clusterId());
        return new Regression(from, to, clusterName, drops, listed, count);
    }
}
