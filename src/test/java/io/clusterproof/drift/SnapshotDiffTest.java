package io.clusterproof.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.clusterproof.base.UserFacingException;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.ShopManifests;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Snapshot diffs on real collections of a manifest folder rewritten between them. */
@IntegrationTest
class SnapshotDiffTest {

    static final ResourceKey API = new ResourceKey("apps", "Deployment", "shop", "api");

    @Autowired
    TestClusters clusters;

    @Autowired
    DriftService drift;

    @TempDir
    Path dir;

    private ClusterSummary cluster;
    private long before;
    private long after;

    @BeforeEach
    void collectBeforeAndAfter() {
        ShopManifests.BEFORE.write(dir, false);
        cluster = clusters.manifests("drift", dir);
        before = clusters.collect(cluster).snapshotId();
        ShopManifests.AFTER.write(dir, false);
        after = clusters.collect(cluster).snapshotId();
    }

    @Test
    void added_removed_and_changed_objects_are_counted_per_namespace_and_kind() {
        var summary = drift.summary(before, after);

        assertThat(summary.groups())
                .extracting(
                        ChangeCount::namespace,
                        ChangeCount::kind,
                        ChangeCount::added,
                        ChangeCount::changed,
                        ChangeCount::removed)
                .containsExactly(tuple("shop", "ConfigMap", 0, 1, 0), tuple("shop", "Deployment", 1, 1, 1));
        assertThat(summary.total()).isEqualTo(4);
        assertThat(summary.controlledChanges())
                .as("the pod of the ReplicaSet was replaced: one removed, one added")
                .isEqualTo(2);
    }

    @Test
    void the_list_names_each_change_and_the_unchanged_service_is_not_in_it() {
        var changes = drift.changes(before, after, ChangeFilter.configuration(), 0, 50);

        assertThat(changes)
                .extracting(c -> c.key().kind() + " " + c.key().name(), ResourceChange::type)
                .containsExactly(
                        tuple("ConfigMap settings", ChangeType.CHANGED),
                        tuple("Deployment api", ChangeType.CHANGED),
                        tuple("Deployment legacy", ChangeType.REMOVED),
                        tuple("Deployment worker", ChangeType.ADDED));
        assertThat(drift.countChanges(before, after, ChangeFilter.configuration()))
                .isEqualTo(4);
        assertThat(drift.changes(before, after, ChangeFilter.all(), 0, 50))
                .extracting(c -> c.key().name())
                .contains("api-7d-1", "api-8f-1");
        assertThat(drift.changes(
                        before, after, new ChangeFilter(ChangeType.ADDED, "shop", "Deployment", "work", false), 0, 50))
                .extracting(c -> c.key().name())
                .containsExactly("worker");
    }

    @Test
    void a_changed_object_lists_its_field_changes_including_nested_list_items() {
        var change = drift.change(before, after, API).orElseThrow();

        assertThat(change.type()).isEqualTo(ChangeType.CHANGED);
        var containers = "spec.template.spec.containers";
        assertThat(change.fields())
                .extracting(FieldChange::path, FieldChange::type, FieldChange::before, FieldChange::after)
                .contains(
                        tuple("spec.replicas", ChangeType.CHANGED, "3", "4"),
                        tuple(
                                containers + "[name=api].image",
                                ChangeType.CHANGED,
                                "registry.example/api:1",
                                "registry.example/api:2"),
                        tuple(
                                containers + "[name=api].env[name=MODE].value",
                                ChangeType.CHANGED,
                                "production",
                                "staging"),
                        tuple(
                                containers + "[name=api].ports[name=http].containerPort",
                                ChangeType.CHANGED,
                                "8080",
                                "8081"),
                        tuple(
                                "spec.template.spec.volumes[name=cache]",
                                ChangeType.ADDED,
                                null,
                                "{\"emptyDir\":{},\"name\":\"cache\"}"));
        assertThat(change.fields())
                .filteredOn(f -> f.path().equals(containers + "[name=api].env[name=LOG_LEVEL]"))
                .singleElement()
                .satisfies(f -> assertThat(f.type()).isEqualTo(ChangeType.REMOVED));
        assertThat(change.fields())
                .filteredOn(f -> f.path().equals(containers + "[name=proxy]"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.type()).isEqualTo(ChangeType.ADDED);
                    assertThat(f.location()).isEqualTo(containers + "[1]");
                });
        assertThat(drift.change(before, after, new ResourceKey("", "Service", "shop", "api")))
                .as("unchanged")
                .isEmpty();
    }

    @Test
    void compared_the_other_way_round_added_and_removed_swap() {
        assertThat(drift.changes(after, before, ChangeFilter.configuration(), 0, 50))
                .extracting(c -> c.key().name(), ResourceChange::type)
                .contains(
                        tuple("legacy", ChangeType.ADDED),
                        tuple("worker", ChangeType.REMOVED),
                        tuple("api", ChangeType.CHANGED));
    }

    @Test
    void churn_only_changes_give_no_drift() {
        ShopManifests.AFTER_WITH_CHURN.write(dir, false);
        var churned = clusters.collect(cluster).snapshotId();

        var summary = drift.summary(after, churned);

        assertThat(summary.total()).isZero();
        assertThat(summary.controlledChanges()).isZero();
        assertThat(drift.countChanges(after, churned, ChangeFilter.all())).isZero();
        assertThat(drift.summary(before, churned).total())
                .isEqualTo(drift.summary(before, after).total());
    }

    @Test
    void an_object_changed_and_changed_back_between_the_two_snapshots_has_not_drifted() {
        ShopManifests.BEFORE.write(dir, false);
        var back = clusters.collect(cluster).snapshotId();

        assertThat(drift.summary(before, back).total()).isZero();
        assertThat(drift.summary(after, back).total()).isEqualTo(4);
    }

    @Test
    void the_csv_export_has_a_line_per_changed_field_and_per_added_or_removed_object() throws Exception {
        var out = new StringWriter();
        drift.exportCsv(before, after, ChangeFilter.configuration(), out);

        var records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(out.toString()))
                .getRecords();
        var fieldLines = new ArrayList<String>();
        records.forEach(r -> fieldLines.add(r.get("change") + " " + r.get("name") + " " + r.get("field")));
        assertThat(fieldLines)
                .contains(
                        "CHANGED api spec.replicas",
                        "CHANGED settings data.checkout",
                        "REMOVED legacy ",
                        "ADDED worker ");
        assertThat(records).hasSize((int) drift.changes(before, after, ChangeFilter.configuration(), 0, 50).stream()
                .mapToLong(c -> Math.max(1, c.fields().size()))
                .sum());
    }

    @Test
    void the_timeline_counts_what_each_snapshot_changed_but_not_the_first_which_adds_everything() {
        var timeline = drift.timeline(
                cluster.id(), Instant.EPOCH, Clock.systemUTC().instant().plusSeconds(60));

        assertThat(timeline.snapshots())
                .extracting(
                        Timeline.SnapshotPoint::snapshotId,
                        Timeline.SnapshotPoint::added,
                        Timeline.SnapshotPoint::changed,
                        Timeline.SnapshotPoint::removed)
                .containsExactly(tuple(after, 2, 2, 2));
        assertThat(timeline.frameworks()).hasSize(3);
    }

    @Test
    void snapshots_of_two_clusters_are_not_compared() {
        ShopManifests.BEFORE.write(dir, false);
        var other = clusters.manifests("drift-other", dir);
        var foreign = clusters.collect(other).snapshotId();

        assertThatThrownBy(() -> drift.summary(before, foreign))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("different clusters");
    }
}
