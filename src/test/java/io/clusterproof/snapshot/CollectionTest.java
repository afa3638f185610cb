package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.base.SqlTime;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.SyntheticCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class CollectionTest {

    @Autowired
    TestClusters clusters;

    @Autowired
    CollectionService collections;

    @Autowired
    SnapshotReader snapshots;

    @Autowired
    RunBook runBook;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    SnapshotProperties properties;

    @TempDir
    Path dir;

    private final MockApiServer api = new MockApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void secrets_not_granted_leave_the_snapshot_complete_and_their_checks_unknown() {
        load(new SyntheticCluster(1, 1, 1));
        api.dispatcher.forbidden.add("secrets");
        var cluster = clusters.kubeconfig("no-secrets", api.kubeconfig(dir));

        var run = clusters.collect(cluster);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(snapshots.summary(run.snapshotId()).orElseThrow().status()).isEqualTo(SnapshotStatus.COMPLETE);
        assertThat(snapshots.missingKinds(run.snapshotId())).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("Secret");
            assertThat(m.reason()).isEqualTo(KubernetesKinds.NOT_GRANTED);
        });
        var assessment = clusters.latestAssessment(run.snapshotId());
        assertThat(assessments.countsByCheck(assessment, FindingFilter.all()).get("legacy-service-account-token"))
                .satisfies(c -> assertThat(c.unknown()).isPositive());
    }

    @Test
    void a_due_scheduled_run_is_claimed_by_one_caller_only() {
        var cluster = clusters.manifests("claim", dir);
        var due = Instant.parse("2026-11-25T02:00:00Z");
        jdbc.update("update cluster set next_run_at = ? where id = ?", Timestamp.from(due), cluster.id());
        var next = due.plus(Duration.ofDays(1));

        assertThat(runBook.claim(cluster.id(), due, next)).isTrue();
        assertThat(runBook.claim(cluster.id(), due, next))
                .as("a replica that read the same due time finds the run already taken")
                .isFalse();
        assertThat(jdbc.queryForObject("select next_run_at from cluster where id = ?", Timestamp.class, cluster.id())
                        .toInstant())
                .isEqualTo(next);
    }

    @Test
    void a_live_cluster_is_collected_into_a_complete_snapshot() {
        load(new SyntheticCluster(2, 3, 2));
        var cluster = clusters.kubeconfig("live", api.kubeconfig(dir));

        var run = clusters.collect(cluster);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        var snapshot = snapshots.summary(run.snapshotId()).orElseThrow();
        assertThat(snapshot.status()).isEqualTo(SnapshotStatus.COMPLETE);
        assertThat(snapshot.objects())
                .isEqualTo(new SyntheticCluster(2, 3, 2).objects().size());
        assertThat(snapshot.source()).startsWith(api.url());
        assertThat(snapshots.kinds(snapshot.id())).contains("Deployment", "Pod", "NetworkPolicy", "RoleBinding");
    }

    @Test
    void unchanged_resources_are_stored_once() {
        load(new SyntheticCluster(2, 3, 2));
        var cluster = clusters.kubeconfig("dedup", api.kubeconfig(dir));
        var first = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();
        var bodies = bodyCount();

        var second = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();

        assertThat(bodyCount()).isEqualTo(bodies);
        assertThat(second.added() + second.changed() + second.removed()).isZero();
        // the snapshot's own row, not its objects: the first's bodies are packed and compressed, so small too
        assertThat(second.storedBytes()).isLessThan(1024).isLessThan(first.storedBytes() / 20);
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(snapshots.count(second.id(), ResourceFilter.none())).isEqualTo(first.objects());
    }

    @Test
    void a_changed_object_is_a_new_version_and_the_old_snapshot_keeps_the_old_one() {
        load(new SyntheticCluster(1, 2, 1));
        var cluster = clusters.kubeconfig("change", api.kubeconfig(dir));
        var first = clusters.collect(cluster).snapshotId();
        var deployment = api.client()
                .apps()
                .deployments()
                .inNamespace("team-0")
                .withName("svc-0")
                .get();
        deployment.getSpec().setReplicas(5);
        api.client()
                .apps()
                .deployments()
                .inNamespace("team-0")
                .resource(deployment)
                .update();

        var second = snapshots.summary(clusters.collect(cluster).snapshotId()).orElseThrow();

        assertThat(second.changed()).isEqualTo(1);
        var key = new ResourceKey("apps", "Deployment", "team-0", "svc-0");
        assertThat(snapshots.object(first, key).orElseThrow().body())
                .extracting(b -> ((Map<?, ?>) b.get("spec")).get("replicas"))
                .isEqualTo(1L);
        assertThat(snapshots.object(second.id(), key).orElseThrow().body())
                .extracting(b -> ((Map<?, ?>) b.get("spec")).get("replicas"))
                .isEqualTo(5L);
    }

    @Test
    void an_unreachable_cluster_gives_a_failed_run_and_no_snapshot() throws IOException {
        var kubeconfig = api.kubeconfig(dir);
        api.close();
        var cluster = clusters.kubeconfig("gone", kubeconfig);

        var run = clusters.collect(cluster);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.snapshotId()).isNull();
        assertThat(run.message()).contains("could not be reached");
        assertThat(snapshots.latest(cluster.id())).isEmpty();
    }

    @Test
    void a_collection_that_fails_half_way_leaves_nothing_behind() throws IOException {
        Files.writeString(dir.resolve("ok.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: fine, namespace: shop}
                """);
        Files.writeString(dir.resolve("too-long.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: %s, namespace: shop}
                """.formatted("x".repeat(300)));
        var cluster = clusters.manifests("half", dir);

        var run = clusters.collect(cluster);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(snapshots.latest(cluster.id())).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from resource_state where cluster_id = ?", Integer.class, cluster.id()))
                .isZero();
    }

    @Test
    void only_one_collection_of_a_cluster_runs_at_a_time() {
        var cluster = clusters.manifests("single", Path.of("src/test/resources/manifests/multi-document.yaml"));
        runBook.start(cluster.id(), RunTrigger.MANUAL, "test");

        assertThatThrownBy(() -> AsAdmin.admin(() -> collections.collectNow(cluster.id())))
                .isInstanceOf(CollectionAlreadyRunningException.class)
                .hasMessageContaining("already running");
    }

    @Test
    void collect_now_runs_in_the_background_and_reports_its_outcome() {
        var cluster = clusters.manifests("async", Path.of("src/test/resources/manifests/multi-document.yaml"));

        var started = AsAdmin.admin(() -> collections.collectNow(cluster.id()));

        assertThat(started.status()).isEqualTo(RunStatus.RUNNING);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> collections
                        .latestRun(cluster.id())
                        .map(r -> r.status() == RunStatus.SUCCEEDED)
                        .orElse(false));
        assertThat(collections.latestRun(cluster.id()).orElseThrow().objects()).isEqualTo(2);
    }

    @Test
    void a_run_busy_with_one_long_kind_keeps_beating_and_is_not_taken_for_interrupted() throws Exception {
        try (var server = new ListPageServer(new SyntheticCluster(1, 2, 1).objects(), properties.pageSize())) {
            server.hold("/api/v1/pods");
            var cluster = clusters.kubeconfig("beating", server.kubeconfig(dir));
            var run = AsAdmin.admin(() -> collections.collectNow(cluster.id()));
            assertThat(server.holding()).isTrue();

            var before = heartbeat(run.id());
            await("a heartbeat while the pods are listed")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> heartbeat(run.id()).isAfter(before));
            server.release();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> collections
                            .latestRun(cluster.id())
                            .map(r -> r.status() == RunStatus.SUCCEEDED)
                            .orElse(false));
        }
    }

    private Instant heartbeat(long runId) {
        return jdbc.queryForObject(
                "select heartbeat_at from collection_run where id = ?", (rs, i) -> SqlTime.require(rs, 1), runId);
    }

    @Test
    void a_backfill_stores_a_snapshot_taken_in_the_past_and_is_audited() {
        var cluster = clusters.uploadsOnly("backfill");
        var content = ManifestReader.read(List.of(Path.of("src/test/resources/manifests/multi-document.yaml")));
        var takenAt = Instant.parse("2026-01-05T02:00:00Z");

        var run = AsAdmin.admin(() -> collections.backfill(
                cluster.id(), takenAt, content, Provenance.manifests("archive/2026-01-05"), RunTrigger.MANUAL));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(snapshots.summary(run.snapshotId()).orElseThrow().takenAt()).isEqualTo(takenAt);
        assertThat(jdbc.queryForObject(
                        "select concat(actor, ' ', detail) from audit_entry where action = 'SNAPSHOT_BACKFILLED'"
                                + " and target_id = ?",
                        String.class,
                        cluster.name()))
                .startsWith("test-admin taken at 2026-01-05T02:00:00Z, 2 objects")
                .contains("archive/2026-01-05");
    }

    @Test
    void a_backfill_is_refused_for_a_time_in_the_future_and_for_anyone_but_an_administrator() {
        var cluster = clusters.uploadsOnly("backfill-refused");
        var content = ManifestReader.read(List.of(Path.of("src/test/resources/manifests/multi-document.yaml")));
        var future = Clock.systemUTC().instant().plus(Duration.ofDays(1));

        assertThatThrownBy(() -> AsAdmin.admin(() -> collections.backfill(
                        cluster.id(), future, content, Provenance.manifests("archive"), RunTrigger.MANUAL)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(future + " is in the future");
        assertThatThrownBy(() -> AsAdmin.as(
                        "emil",
                        "ENGINEER",
                        () -> collections.backfill(
                                cluster.id(),
                                Instant.parse("2026-01-05T02:00:00Z"),
                                content,
                                Provenance.manifests("archive"),
                                RunTrigger.MANUAL)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(collections.latestRun(cluster.id())).isEmpty();
    }

    @Test
    void a_run_whose_process_stopped_is_shown_as_interrupted() {
        var cluster = clusters.manifests("crash", Path.of("src/test/resources/manifests/multi-document.yaml"));
        var run = runBook.start(cluster.id(), RunTrigger.SCHEDULE, "system");
        jdbc.update("update collection_run set heartbeat_at = heartbeat_at - interval '1' hour where id = ?", run.id());

        runBook.markInterrupted(Clock.systemUTC().instant().minus(Duration.ofMinutes(2)));

        assertThat(collections.latestRun(cluster.id()).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
    }

    @Test
    void manifest_errors_are_kept_with_the_snapshot_and_the_rest_is_collected() {
        var cluster = clusters.manifests("broken", Path.of("src/test/resources/manifests/broken.yaml"));

        var run = clusters.collect(cluster);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(snapshots.summary(run.snapshotId()).orElseThrow().objects()).isEqualTo(4);
        assertThat(snapshots.issues(run.snapshotId()))
                .extracting(ManifestIssue::message)
                .contains("lacks metadata.name", "unknown kind Deploymnet in apps/v1");
    }

    @Test
    void a_stored_snapshot_assesses_the_containers_a_webhook_injected_into_a_running_pod() {
        var cluster = clusters.manifests("injected", Path.of("src/test/resources/scenarios/mesh-injected-pod.yaml"));

        var run = clusters.collect(cluster);

        var assessment = clusters.latestAssessment(run.snapshotId());
        var injected = assessments.findingsOf(assessment, new ResourceKey("", "Pod", "shop", "checkout-7d4b9c-x2kq8"));
        assertThat(injected).anySatisfy(f -> {
            assertThat(f.checkId()).isEqualTo("dangerous-capabilities");
            assertThat(f.status()).isEqualTo(FindingStatus.FAIL);
            assertThat(f.message()).startsWith("Beyond the template of ReplicaSet checkout-7d4b9c (istio-init)");
        });
        assertThat(assessments.findingsOf(assessment, new ResourceKey("", "Pod", "shop", "checkout-7d4b9c-m9zt4")))
                .isEmpty();
    }

    private void load(SyntheticCluster cluster) {
        for (var object : cluster.objects()) {
            var resource =
                    api.client().getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
            api.client().resource(resource).create();
        }
    }

    private int bodyCount() {
        return jdbc.queryForObject("select count(*) from resource_body", Integer.class);
    }
}
