package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults, injected with the mock server's expectations; everything not expected is served from its CRUD store. */
class LiveCollectorFaultsTest {

    private static final String PODS = "/api/v1/pods?limit=500";

    private final Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    private final KubernetesMockServer server = new KubernetesMockServer(
            new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
    private final SnapshotProperties properties = new SnapshotProperties(
            500,
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

    @BeforeEach
    void start() {
        server.init();
        server.createClient()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .endMetadata()
                        .build())
                .create();
    }

    @AfterEach
    void stop() {
        server.destroy();
    }

    @Test
    void a_forbidden_kind_is_recorded_as_missing_and_the_rest_is_collected() {
        server.expect()
                .get()
                .withPath(PODS)
                .andReturn(403, status(403, "pods is forbidden"))
                .always();

        var builder = new SnapshotBuilder(new HashSet<>());
        var result = collect(builder);

        assertThat(result.missing()).extracting(MissingKind::kind).containsExactly("Pod");
        assertThat(result.missing().get(0).reason()).contains("forbidden (403)");
        assertThat(builder.entries()).anyMatch(e -> e.key().kind().equals("Namespace"));
    }

    @Test
    void a_server_error_is_retried_and_then_succeeds() {
        server.expect()
                .get()
                .withPath(PODS)
                .andReturn(500, status(500, "etcd timeout"))
                .once();
        server.expect()
                .get()
                .withPath(PODS)
                .andReturn(200, new PodListBuilder().addToItems(pod("web")).build())
                .once();

        var builder = new SnapshotBuilder(new HashSet<>());
        var result = collect(builder);

        assertThat(result.missing()).isEmpty();
        assertThat(builder.entries())
                .anyMatch(e -> e.key().kind().equals("Pod") && e.key().name().equals("web"));
    }

    @Test
    void an_expired_continue_token_restarts_the_kind() {
        server.expect()
                .get()
                .withPath(PODS)
                .andReturn(
                        200,
                        new PodListBuilder()
                                .withNewMetadata()
                                .withContinue("page-2")
                                .endMetadata()
                                .addToItems(pod("first-try"))
                                .build())
                .once();
        server.expect()
                .get()
                .withPath(PODS + "&continue=page-2")
                .andReturn(410, status(410, "too old resource version"))
                .once();
        server.expect()
                .get()
                .withPath(PODS)
                .andReturn(
                        200, new PodListBuilder().addToItems(pod("a"), pod("b")).build())
                .once();

        var builder = new SnapshotBuilder(new HashSet<>());
        var result = collect(builder);

        assertThat(result.missing()).isEmpty();
        var pods = builder.entries().stream()
                .filter(e -> e.key().kind().equals("Pod"))
                .map(e -> e.key().name())
                .toList();
        assertThat(pods).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void repeated_server_errors_leave_the_kind_missing_with_the_reason() {
        server.expect()
                .get()
                .withPath(PODS)
                .andReturn(503, status(503, "unavailable"))
                .always();

        var result = collect(new SnapshotBuilder(new HashSet<>()));

        assertThat(result.missing())
                .extracting(MissingKind::reason)
                .containsExactly("server error (503) after retries");
    }

    private LiveCollector.Result collect(SnapshotBuilder builder) {
        // the retry settings the application gives its clients (KubernetesClients), not fabric8's defaults
        try (var base = server.createClient();
                var client = new KubernetesClientBuilder()
                        .withConfig(new ConfigBuilder(base.getConfiguration())
                                .withRequestRetryBackoffLimit(properties.retries())
                                .withRequestRetryBackoffInterval(
                                        (int) properties.retryInterval().toMillis())
                                .build())
                        .build()) {
            return new LiveCollector(client, properties).collect(builder, CollectionListener.NONE);
        }
    }

    private static Pod pod(String name) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("registry.example/app:1")
                .endContainer()
                .endSpec()
                .build();
    }

    private static Status status(int code, String message) {
        return new StatusBuilder()
                .withCode(code)
                .withMessage(message)
                .withStatus("Failure")
                .build();
    }
}
