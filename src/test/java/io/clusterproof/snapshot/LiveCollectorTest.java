package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clusterproof.support.SyntheticCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The collector against fabric8's mock API server in CRUD mode, with real paging over HTTP. */
class LiveCollectorTest {

    private final MockApiServer api = new MockApiServer();
    private final SnapshotProperties properties = new SnapshotProperties(
            7,
            Duration.ofSeconds(5),
            2,
            Duration.ofMillis(20),
            "0 0 2 * * *",
            Duration.ofMinutes(2),
            1000,
            0,
            20000,
            0,
            Duration.ofDays(7));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void every_kind_is_collected_page_by_page() {
        var cluster = new SyntheticCluster(2, 3, 2).objects();
        cluster.forEach(this::load);
        loadEveryOtherBuiltInKind();
        var builder = new SnapshotBuilder(new HashSet<>());

        var result = new LiveCollector(api.client(), properties).collect(builder, CollectionListener.NONE);

        assertThat(result.missing()).isEmpty();
        var kinds = builder.entries().stream().map(e -> e.key().qualifiedKind()).collect(Collectors.toSet());
        var expected =
                KubernetesKinds.BUILT_IN.stream().map(KindInfo::qualifiedKind).collect(Collectors.toSet());
        expected.add("velero.io/Schedule");
        assertThat(kinds).containsAll(expected);
        assertThat(builder.entries().stream().filter(e -> e.key().kind().equals("Pod")))
                .hasSize(12 + 1);
        assertThat(api.dispatcher.listRequests).anyMatch(path -> path.contains("/pods?") && path.contains("continue="));
        assertThat(api.dispatcher.listRequests).allMatch(path -> path.contains("limit=7"));
    }

    /**
     * The next page is asked for before this page's objects are processed, so the API server and
     * the HTTP client work while the collector does. The sink holds the first pod of the first page
     * until the server has been asked for the second (a collector that asks only after the page is
     * processed never does, and the wait gives up).
     */
    @Test
    void the_next_page_is_asked_for_while_this_one_is_processed() {
        new SyntheticCluster(2, 3, 2).objects().forEach(this::load);
        var askedWhileProcessing = new AtomicBoolean();
        var sink = new ObjectSink() {
            private boolean first = true;

            @Override
            public void accept(Map<String, Object> object) {
                if (first && "Pod".equals(object.get("kind"))) {
                    first = false;
                    askedWhileProcessing.set(serverAskedFor("/pods?", "continue="));
                }
            }

            @Override
            public void discard(String group, String kind) {}
        };

        new LiveCollector(api.client(), properties).collect(sink, CollectionListener.NONE);

        assertThat(askedWhileProcessing)
                .as("the second page of pods asked for while the first is processed")
                .isTrue();
    }

    /** Whether the server is asked for a list page matching every part within ten seconds. */
    private boolean serverAskedFor(String... parts) {
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.dispatcher.listRequests.stream()
                            .anyMatch(path -> Stream.of(parts).allMatch(path::contains)));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    @Test
    void owned_pods_are_marked_as_controlled_and_list_items_get_their_type() {
        new SyntheticCluster(1, 1, 2).objects().forEach(this::load);
        var builder = new SnapshotBuilder(new HashSet<>());

        new LiveCollector(api.client(), properties).collect(builder, CollectionListener.NONE);

        var pods = builder.entries().stream()
                .filter(e -> e.key().kind().equals("Pod"))
                .toList();
        assertThat(pods).isNotEmpty().allMatch(SnapshotBuilder.Entry::controlled);
        assertThat(pods).allMatch(p -> p.apiVersion().equals("v1"));
        var deployment = builder.entries().stream()
                .filter(e -> e.key().kind().equals("Deployment"))
                .findFirst()
                .orElseThrow();
        assertThat(deployment.controlled()).isFalse();
    }

    @Test
    void an_unreachable_server_fails_the_whole_collection() {
        var port = api.client().getMasterUrl().getPort();
        api.close();
        var config = new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + port)
                .withRequestRetryBackoffLimit(1)
                .withRequestRetryBackoffInterval(10)
                .withRequestTimeout(1000)
                .build();
        try (var client = new KubernetesClientBuilder().withConfig(config).build()) {
            assertThatThrownBy(() -> new LiveCollector(client, properties)
                            .collect(new SnapshotBuilder(new HashSet<>()), CollectionListener.NONE))
                    .isInstanceOf(SourceUnreachableException.class)
                    .hasMessageContaining("could not be reached");
        }
    }

    private void load(Map<String, Object> object) {
        var resource = api.client().getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
        api.client().resource(resource).create();
    }

    /** One object of every built-in kind the synthetic cluster lacks, plus a Velero CRD and Schedule. */
    private void loadEveryOtherBuiltInKind() {
        for (var kind : KubernetesKinds.BUILT_IN) {
            if (List.of(
                            "Namespace",
                            "Pod",
                            "Deployment",
                            "ReplicaSet",
                            "Service",
                            "ServiceAccount",
                            "NetworkPolicy",
                            "Role",
                            "RoleBinding",
                            "ConfigMap",
                            "Secret",
                            "CustomResourceDefinition")
                    .contains(kind.kind())) {
                continue;
            }
            var builder = new GenericKubernetesResourceBuilder()
                    .withApiVersion(kind.apiVersion())
                    .withKind(kind.kind())
                    .withNewMetadata()
                    .withName("sample-" + kind.plural())
                    .withNamespace(kind.namespaced() ? "team-0" : null)
                    .endMetadata();
            api.client().resource(builder.build()).create();
        }
        var bare = new GenericKubernetesResourceBuilder()
                .withApiVersion("v1")
                .withKind("Pod")
                .withNewMetadata()
                .withName("debug")
                .withNamespace("team-0")
                .endMetadata()
                .build();
        api.client().resource(bare).create();
        var crd = new GenericKubernetesResourceBuilder()
                .withApiVersion("apiextensions.k8s.io/v1")
                .withKind("CustomResourceDefinition")
                .withNewMetadata()
                .withName("schedules.velero.io")
                .endMetadata()
                .addToAdditionalProperties(
                        "spec",
                        Map.of(
                                "group",
                                "velero.io",
                                "scope",
                                "Namespaced",
                                "names",
                                Map.of("kind", "Schedule", "plural", "schedules"),
                                "versions",
                                List.of(Map.of("name", "v1", "served", true, "storage", true))))
                .build();
        api.client().resource(crd).create();
        api.createCustom(
                new GenericKubernetesResourceBuilder()
                        .withApiVersion("velero.io/v1")
                        .withKind("Schedule")
                        .withNewMetadata()
                        .withName("daily")
                        .withNamespace("velero")
                        .endMetadata()
                        .addToAdditionalProperties("spec", Map.of("schedule", "0 1 * * *"))
                        .build(),
                "schedules",
                true);
    }
}
