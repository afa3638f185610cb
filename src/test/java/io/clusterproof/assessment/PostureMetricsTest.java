package io.clusterproof.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.ShopManifests;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The posture gauges are refreshed while Prometheus scrapes: after every assessment, and on a
 * schedule when another replica assessed. A scrape at that moment must still see each label set
 * once (re-registering every gauge made it see some twice, and the scrape failed).
 */
@IntegrationTest
class PostureMetricsTest {

    private static final int REFRESHES = 300;

    @Autowired
    TestClusters clusters;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    ClusterService clusterService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_scrape_during_a_refresh_sees_every_gauge_once() throws Exception {
        var cluster = clusters.manifests("metrics", Path.of("src/main/resources/demo/cluster"));
        clusters.collectAndAssess(cluster);
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var metrics = new PostureMetrics(assessments, clusterService, registry, jdbc);
        metrics.refresh();

        var failures = Collections.synchronizedList(new ArrayList<Throwable>());
        var refreshing = new AtomicBoolean(true);
        var refresher = new Thread(() -> {
            try {
                for (int i = 0; i < REFRESHES; i++) {
                    metrics.refresh();
                }
            } catch (RuntimeException e) {
                failures.add(e);
            } finally {
                refreshing.set(false);
            }
        });
        refresher.start();
        var scrapes = 0;
        String last = "";
        while (refreshing.get() || scrapes == 0) {
            try {
                last = registry.scrape();
                scrapes++;
            } catch (RuntimeException e) {
                failures.add(e);
                break;
            }
        }
        refresher.join();

        assertThat(failures).as("scrapes failed during %d refreshes", REFRESHES).isEqualTo(List.of());
        assertThat(last)
                .contains("clusterproof_findings{cluster=\"" + cluster.name() + "\",status=\"FAIL\"}")
                .contains("clusterproof_framework_score_percent{cluster=\"" + cluster.name()
                        + "\",framework=\"pci-dss-4.0\",type=\"control\"}");
    }

    @Test
    void the_gauges_follow_a_new_assessment_of_a_cluster() throws Exception {
        var dir = java.nio.file.Files.createTempDirectory("metrics-shop");
        ShopManifests.BEFORE.write(dir, true);
        var cluster = clusters.manifests("metrics-follow", dir);
        var first = clusters.latestAssessment(clusters.collectAndAssess(cluster).snapshotId());
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var metrics = new PostureMetrics(assessments, clusterService, registry, jdbc);
        metrics.refresh();
        var failingBefore = failing(registry, cluster.name());
        assertThat(failingBefore).isEqualTo(assessments.countFindings(first, failingOnly()));

        ShopManifests.BEFORE.write(dir, false);
        var second =
                clusters.latestAssessment(clusters.collectAndAssess(cluster).snapshotId());
        metrics.refresh();

        assertThat(failing(registry, cluster.name()))
                .isEqualTo(assessments.countFindings(second, failingOnly()))
                .isLessThan(failingBefore);
    }

    private static FindingFilter failingOnly() {
        return FindingFilter.all().withStatuses(java.util.EnumSet.of(FindingStatus.FAIL));
    }

    private static long failing(PrometheusMeterRegistry registry, String cluster) {
        return (long) registry.get("clusterproof.findings")
                .tags("cluster", cluster, "status", "FAIL")
                .gauge()
                .value();
    }
}
