package io.clusterproof.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FindingOutcome;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A failure that turns into "not visible through the API" has not been fixed: the evidence that
 * would show the fix is out of sight, so the item stays open instead of resolving.
 */
@IntegrationTest
class NotVisibleEvidenceTest {

    static final String CHECK = "secrets-encryption-at-rest";

    @Autowired
    TestClusters clusters;

    @Autowired
    RemediationService remediation;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void a_failure_whose_evidence_moves_out_of_sight_keeps_its_item_open() throws IOException {
        writeApiServer("");
        var cluster = clusters.manifests("not-visible", dir);
        var key = new ResourceKey("", "Cluster", "", cluster.name());
        clusters.collectAndAssess(cluster);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> remediation.find(cluster.id(), CHECK, key).isPresent());
        var item = remediation.find(cluster.id(), CHECK, key).orElseThrow();
        assertThat(item.status()).isEqualTo(ItemStatus.OPEN);

        writeApiServer("        - --encryption-provider-config=/etc/kubernetes/enc/encryption-config.yaml\n");
        var later = clusters.collectAndAssess(cluster);
        var assessment = clusters.latestAssessment(later.snapshotId());
        var checked = new AssessmentQueries.CheckedResource(CHECK, key);
        assertThat(assessments.outcomesOf(assessment, List.of(checked)))
                .containsEntry(checked, new FindingOutcome(FindingStatus.NOT_APPLICABLE, true));
        awaitFollowed(cluster, assessment);

        var after = remediation.find(cluster.id(), CHECK, key).orElseThrow();
        assertThat(after.status()).isEqualTo(ItemStatus.OPEN);
        assertThat(remediation.history(item.id()))
                .extracting(ItemHistoryEntry::toStatus)
                .doesNotContain(ItemStatus.RESOLVED);
    }

    /** Waits until the remediation follower has read the assessment. */
    private void awaitFollowed(ClusterSummary cluster, long assessmentId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var cursor = jdbc.queryForObject(
                    "select last_assessment_id from remediation_cursor where cluster_id = ?", Long.class, cluster.id());
            return cursor != null && cursor >= assessmentId;
        });
    }

    private void writeApiServer(String extraFlag) throws IOException {
        Files.writeString(dir.resolve("kube-apiserver.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: kube-apiserver-cp-1
                  namespace: kube-system
                  labels:
                    component: kube-apiserver
                    tier: control-plane
                spec:
                  nodeName: cp-1
                  containers:
                    - name: kube-apiserver
                      image: registry.k8s.io/kube-apiserver:v1.31.4
                      command:
                        - kube-apiserver
                        - --authorization-mode=Node,RBAC
                """ + extraFlag);
    }
}
