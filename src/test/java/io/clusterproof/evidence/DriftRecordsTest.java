package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.ShopManifests;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The report's drift section comes from real diffs of the period's assessments. */
@IntegrationTest
class DriftRecordsTest {

    @Autowired
    TestClusters clusters;

    @Autowired
    DriftRecords drift;

    @TempDir
    Path dir;

    @Test
    void a_regression_in_the_period_is_counted_and_listed_for_the_framework_it_bears_on() throws IOException {
        ShopManifests.BEFORE.write(dir, false);
        var cluster = clusters.manifests("drift-report", dir);
        var start = Instant.now().minus(Duration.ofMinutes(1));
        var first = clusters.latestAssessment(clusters.collect(cluster).snapshotId());
        ShopManifests.BEFORE.write(dir, true);
        var last = clusters.latestAssessment(clusters.collect(cluster).snapshotId());
        var end = Instant.now().plus(Duration.ofMinutes(1));

        var pci = drift.of(cluster.id(), "pci-dss-4.0", start, end);

        assertThat(pci.fromAssessmentId()).isEqualTo(first);
        assertThat(pci.toAssessmentId()).isEqualTo(last);
        assertThat(pci.resourcesChanged()).isEqualTo(1);
        assertThat(pci.findingsNewlyFailing()).isPositive();
        assertThat(pci.changes()).anySatisfy(c -> {
            assertThat(c.checkId()).isEqualTo("privileged-container");
            assertThat(c.resource()).isEqualTo("Deployment shop/api");
            assertThat(c.before()).isEqualTo("PASS");
            assertThat(c.after()).isEqualTo("FAIL");
        });

        var hipaa = drift.of(cluster.id(), "hipaa-security-rule", start, end);
        assertThat(hipaa.changes())
                .as("the shop namespace holds card data, not ePHI: HIPAA's scope does not include it")
                .isEmpty();
        assertThat(hipaa.findingsNewlyFailing()).isZero();

        var before = drift.of(cluster.id(), "pci-dss-4.0", start.minus(Duration.ofDays(2)), start);
        assertThat(before.fromAssessmentId()).isNull();
        assertThat(before.changes()).isEmpty();
    }
}
