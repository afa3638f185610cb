package io.clusterproof.evidence;

import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo cluster's manifests, collected and assessed once per application context: a realistic
 * assessment with failures, waivers aside, for every evidence test.
 */
@Component
public class DemoEvidence {

    static final Path DEMO = Path.of("src/main/resources/demo/cluster");
    static final String PCI = "pci-dss-4.0";

    private final TestClusters clusters;
    private final Clock clock;
    private ClusterSummary cluster;
    private long assessmentId;

    DemoEvidence(TestClusters clusters, Clock clock) {
        this.clusters = clusters;
        this.clock = clock;
    }

    public synchronized ClusterSummary cluster() {
        if (cluster == null) {
            cluster = clusters.manifests("evidence", DEMO);
            var run = clusters.collect(cluster);
            assessmentId = clusters.latestAssessment(run.snapshotId());
        }
        return cluster;
    }

    public long assessmentId() {
        cluster();
        return assessmentId;
    }

    /** The demo cluster, one framework, the week up to today (UTC in tests). */
    public ExportRequest request(String frameworkId) {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new ExportRequest(List.of(cluster().id()), frameworkId, today.minusDays(7), today);
    }
}
