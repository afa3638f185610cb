package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.SyntheticCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** A live collection skips the objects the API server has not written since they were read. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UnchangedReadsTest {

    private static final SyntheticCluster CLUSTER = new SyntheticCluster(1, 2, 1);

    @Autowired
    TestClusters clusters;

    @Autowired
    SnapshotReader snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    private final MockApiServer api = new MockApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void each_row_records_the_version_its_object_was_read_at_and_by_which_normaliser() {
        load();
        var cluster = clusters.kubeconfig("versions", api.kubeconfig(dir));

        clusters.collect(cluster);

        var configMap = api.client()
                .configMaps()
                .inNamespace("team-0")
                .withName("settings")
                .get();
        assertThat(readVersion(cluster.id(), "ConfigMap", "settings"))
                .isEqualTo(ObjectNormaliser.REVISION + ":" + api.dispatcher.gitVersion + ":"
                        + configMap.getMetadata().getResourceVersion() + ":"
                        + ReadVersions.period(Instant.now(), Duration.ofDays(7)));
        assertThat(rows(cluster.id(), "read_version is null")).isZero();
    }

    @Test
    void a_second_collection_takes_what_was_not_written_since_as_stored(CapturedOutput output) {
        load();
        var cluster = clusters.kubeconfig("unchanged", api.kubeconfig(dir));
        var first = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();

        var second = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();

        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(second.added() + second.changed() + second.removed()).isZero();
        assertThat(output.getOut())
                .contains(collected(cluster, first, "0 added, 0 changed, 0 removed; " + first.objects()));
    }

    @Test
    void an_object_written_since_is_read_again_and_redacted(CapturedOutput output) {
        load();
        var cluster = clusters.kubeconfig("written", api.kubeconfig(dir));
        var first = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();
        api.putConfigMapEntry("team-0", "settings", "DATABASE_URL", "postgres://app:hunter2-canary@db:5432/app");

        var second = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();

        assertThat(second.changed()).isEqualTo(1);
        var body = snapshots
                .object(second.id(), new ResourceKey("", "ConfigMap", "team-0", "settings"))
                .orElseThrow()
                .body();
        assertThat(CanonicalJson.bytes(body))
                .asString()
                .contains(SecretRedactor.MARKER)
                .doesNotContain("hunter2-canary");
        assertThat(output.getOut())
                .contains(collected(cluster, first, "0 added, 1 changed, 0 removed; " + (first.objects() - 1)));
    }

    @Test
    void objects_read_by_another_normaliser_revision_are_read_again_and_their_rows_record_this_one(
            CapturedOutput output) {
        load();
        var cluster = clusters.kubeconfig("revision", api.kubeconfig(dir));
        var first = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();
        jdbc.query(
                "select id, read_version from resource_state where cluster_id = ?",
                rs -> {
                    var version = rs.getString(2);
                    jdbc.update(
                            "update resource_state set read_version = ? where id = ?",
                            "0" + version.substring(version.indexOf(':')),
                            rs.getLong(1));
                },
                cluster.id());

        var second = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();

        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(second.changed()).isZero();
        assertThat(output.getOut()).contains(collected(cluster, first, "0 added, 0 changed, 0 removed; 0"));
        assertThat(readVersion(cluster.id(), "ConfigMap", "settings")).startsWith(ObjectNormaliser.REVISION + ":");
        assertThat(rows(cluster.id(), "read_version like '0:%'")).isZero();
    }

    @Test
    void objects_read_in_an_earlier_period_are_read_afresh(CapturedOutput output) {
        load();
        var cluster = clusters.kubeconfig("weekly", api.kubeconfig(dir));
        var first = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();
        var now = ReadVersions.period(Instant.now(), Duration.ofDays(7));
        var before = String.valueOf(Long.parseLong(Objects.requireNonNull(now)) - 1);
        jdbc.update(
                "update resource_state set read_version = replace(read_version, ?, ?) where cluster_id = ?",
                ":" + now,
                ":" + before,
                cluster.id());

        var second = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();

        assertEveryObjectReadAgain(output, cluster, first, second);
        assertThat(readVersion(cluster.id(), "ConfigMap", "settings")).endsWith(":" + now);
    }

    @Test
    void an_upgraded_api_server_has_every_object_read_again(CapturedOutput output) {
        load();
        var cluster = clusters.kubeconfig("upgraded", api.kubeconfig(dir));
        var first = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();
        api.dispatcher.gitVersion = "v1.32.0";

        var second = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();

        assertEveryObjectReadAgain(output, cluster, first, second);
        assertThat(readVersion(cluster.id(), "ConfigMap", "settings"))
                .startsWith(ObjectNormaliser.REVISION + ":v1.32.0:");
    }

    @Test
    void a_read_during_which_the_api_server_changed_version_keeps_nothing_by_it(CapturedOutput output) {
        load();
        var cluster = clusters.kubeconfig("mid-upgrade", api.kubeconfig(dir));
        var first = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();
        // two API servers of two versions behind one address: /version answered by each in turn
        api.dispatcher.nextGitVersions.addAll(List.of("v1.31.2", "v1.32.0"));

        clusters.collect(cluster);

        assertThat(rows(cluster.id(), "valid_to is null and read_version is not null"))
                .as("which server version served each object is not known")
                .isZero();
        var third = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();
        assertEveryObjectReadAgain(output, cluster, first, third);
    }

    @Test
    void a_controller_flag_an_older_release_set_otherwise_is_a_new_version_and_history_keeps_the_old_one() {
        load();
        var cluster = clusters.kubeconfig("controlled", api.kubeconfig(dir));
        var first = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();
        var controlled = rows(cluster.id(), "controlled = true");
        assertThat(controlled).isPositive();
        // as an older release's rule and revision left them: flags flipped, every object to be read again
        jdbc.update(
                "update resource_state set controlled = not controlled, read_version = '0' || substring(read_version, 2)"
                        + " where cluster_id = ?",
                cluster.id());

        var second = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();

        assertThat(second.changed()).isEqualTo(first.objects());
        assertThat(rows(cluster.id(), "valid_to is null and controlled = true")).isEqualTo(controlled);
        assertThat(rows(cluster.id(), "valid_to is not null and controlled = false"))
                .as("older rows keep the flag they were stored with")
                .isEqualTo(controlled);
    }

    /** The second collection kept no object as stored, and found the cluster as the first did. */
    private static void assertEveryObjectReadAgain(
            CapturedOutput output, ClusterSummary cluster, SnapshotSummary first, SnapshotSummary second) {
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(output.getOut()).contains(collected(cluster, first, "0 added, 0 changed, 0 removed; 0"));
    }

    /** The start of the log line that ends a collection. */
    private static String collected(ClusterSummary cluster, SnapshotSummary first, String counts) {
        return "Collected " + cluster.name() + ": " + first.objects() + " objects (" + counts
                + " not written since they were read)";
    }

    /** How many of the cluster's version rows meet {@code condition}. */
    private int rows(long clusterId, String condition) {
        return jdbc.queryForObject(
                "select count(*) from resource_state where cluster_id = ? and " + condition, Integer.class, clusterId);
    }

    private String readVersion(long clusterId, String kind, String name) {
        return jdbc.queryForObject(
                "select read_version from resource_state where cluster_id = ? and kind = ? and name = ?"
                        + " and valid_to is null",
                String.class,
                clusterId,
                kind,
                name);
    }

    private void load() {
        api.load(CLUSTER.objects());
    }
}
