package io.clusterproof.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.AuditQuery;
import io.clusterproof.base.SqlTime;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.ShopManifests;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Regression alerts against a real HTTP server on a loopback port: the first attempt fails, the
 * retry succeeds, the body is signed, the Slack format carries text, and failures show.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WebhookDeliveryTest {

    static final String SECRET = "whsec-0123456789-abcdefghij";

    record Received(String path, String body, String signature, String event, String delivery) {}

    @Autowired
    TestClusters clusters;

    @Autowired
    WebhookService webhooks;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    DriftService drift;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // fails the first call with a 500, accepts every later one
        receive("/flaky", () -> flakyCalls.getAndIncrement() == 0 ? 500 : 200);
        receive("/slack", () -> 200);
        receive("/gone", () -> 404);
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
        AsAdmin.admin(() -> created.forEach(webhooks::delete));
    }

    @Test
    void a_regression_is_delivered_signed_after_a_failed_first_attempt_and_in_slack_format(CapturedOutput output)
            throws Exception {
        ShopManifests.BEFORE.write(dir, false);
        var cluster = clusters.manifests("alerts", dir);
        collectAndAssess(cluster);
        var json = create("ops-json", "/flaky", WebhookFormat.JSON, cluster, SECRET);
        var slack = create("ops-slack", "/slack", WebhookFormat.SLACK, cluster, null);

        ShopManifests.BEFORE.write(dir, true);
        collectAndAssess(cluster);

        var first = await().atMost(Duration.ofSeconds(30))
                .until(() -> delivery(json.id()), d -> d != null && d.attempts() == 1);
        assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(first.lastStatusCode()).isEqualTo(500);
        assertThat(first.lastError()).contains("HTTP 500");
        assertThat(first.nextAttemptAt()).isAfter(Clock.systemUTC().instant());
        assertThat(webhooks.health().failingWebhooks()).containsExactly("ops-json");
        assertThat(AsAdmin.admin(() -> webhooks.list()))
                .filteredOn(w -> w.id() == json.id())
                .singleElement()
                .satisfies(w -> assertThat(w.failing()).isTrue());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> delivery(slack.id()), d -> d != null && d.status() == DeliveryStatus.DELIVERED);

        makeDue(first.id());
        worker.deliverDue();

        var delivered = await().atMost(Duration.ofSeconds(30))
                .until(() -> delivery(json.id()), d -> d.status() == DeliveryStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastStatusCode()).isEqualTo(200);
        assertThat(webhooks.health().failing()).isFalse();

        var attempts = received.stream().filter(r -> r.path().equals("/flaky")).toList();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).body())
                .as("a retry sends the same bytes")
                .isEqualTo(attempts.get(0).body());
        assertThat(attempts).allSatisfy(r -> {
            assertThat(r.signature()).isEqualTo("sha256=" + hmac(SECRET, r.body()));
            assertThat(r.event()).isEqualTo("regression");
            assertThat(r.delivery()).isEqualTo(String.valueOf(first.id()));
        });
        var payload = new ObjectMapper().readTree(attempts.get(0).body());
        assertThat(payload.path("event").asText()).isEqualTo("regression");
        assertThat(payload.path("cluster").path("name").asText()).isEqualTo(cluster.name());
        assertThat(payload.path("newFailures").path("count").asInt()).isEqualTo(1);
        JsonNode failure = payload.path("newFailures").path("listed").get(0);
        assertThat(failure.path("checkId").asText()).isEqualTo("privileged-container");
        assertThat(failure.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(failure.path("resource").path("name").asText()).isEqualTo("api");
        assertThat(payload.path("scoreDrops")).as("resource scores fell").isNotEmpty();
        assertThat(payload.path("summary").asText()).contains("1 new critical/high failure");

        var slackBody = new ObjectMapper()
                .readTree(received.stream()
                        .filter(r -> r.path().equals("/slack"))
                        .findFirst()
                        .orElseThrow()
                        .body());
        assertThat(slackBody.size()).isEqualTo(1);
        assertThat(slackBody.path("text").asText())
                .contains(cluster.name())
                .contains(catalog.check("privileged-container")
                        .orElseThrow()
                        .definition()
                        .title())
                .contains("shop/api");
        assertThat(received.stream()
                        .filter(r -> r.path().equals("/slack"))
                        .findFirst()
                        .orElseThrow()
                        .signature())
                .as("unsigned without a secret")
                .isEmpty();

        assertThat(drift.regressions(cluster.id(), 10)).singleElement().satisfies(r -> {
            assertThat(r.newFailures()).isEqualTo(1);
            assertThat(r.delivered()).isEqualTo(2);
            assertThat(r.failed()).isZero();
        });
        assertThat(AsAdmin.admin(() -> auditLog.find(
                                new AuditQuery(null, null, "webhook", null, null, null), Pageable.ofSize(500)))
                        .getContent()
                        .toString())
                .contains("secret=set")
                .doesNotContain(SECRET);
        assertThat(AsAdmin.admin(() -> webhooks.list()).toString()).doesNotContain(SECRET);
        assertThat(output.getAll()).doesNotContain(SECRET);
    }

    @Test
    void a_receiver_that_refuses_fails_the_delivery_at_once_and_an_administrator_can_retry_it() {
        var gone = create("gone", "/gone", WebhookFormat.JSON, null, null);

        var id = AsAdmin.admin(() -> webhooks.sendTest(gone.id()));

        var failed = await().atMost(Duration.ofSeconds(30))
                .until(() -> delivery(gone.id()), d -> d != null && d.status() == DeliveryStatus.FAILED);
        assertThat(failed.id()).isEqualTo(id);
        assertThat(failed.attempts()).as("no retry can help").isEqualTo(1);
        assertThat(failed.lastError()).contains("HTTP 404").contains("no such webhook");
        assertThat(webhooks.health().failingWebhooks()).contains("gone");
        assertThat(AsAdmin.admin(() -> webhooks.deliveries(new DeliveryFilter(gone.id(), null, true), 0, 10)))
                .extracting(DeliverySummary::id)
                .containsExactly(id);

        AsAdmin.admin(() -> webhooks.retry(id));

        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(gone.id()).attempts() == 2);
        assertThat(delivery(gone.id()).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(received).filteredOn(r -> r.path().equals("/gone")).hasSize(2);
        assertThat(received.get(0).event()).isEqualTo("test");
    }

    @Test
    void disabling_a_webhook_cancels_what_it_still_had_to_send() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = AsAdmin.admin(() -> webhooks.create(
                new WebhookDefinition(
                        "unreachable", "http://127.0.0.1:" + closedPort + "/x", WebhookFormat.JSON, null, true),
                null));
        created.add(unreachable.id());
        AsAdmin.admin(() -> webhooks.sendTest(unreachable.id()));
        var waiting = await().atMost(Duration.ofSeconds(30))
                .until(() -> delivery(unreachable.id()), d -> d != null && d.attempts() == 1);
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(waiting.lastError()).contains("could not connect");

        AsAdmin.admin(() -> webhooks.update(
                unreachable.id(),
                new WebhookDefinition(
                        "unreachable", "http://127.0.0.1:" + closedPort + "/x", WebhookFormat.JSON, null, false),
                null,
                false));

        assertThat(delivery(unreachable.id()).status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(webhooks.health().failingWebhooks())
                .as("a disabled webhook is not watched")
                .doesNotContain("unreachable");
    }

    @Test
    void webhooks_are_an_administrators_business_and_their_settings_are_checked() {
        var definition = new WebhookDefinition("x", "https://hooks.example.com/x", WebhookFormat.JSON, null, true);
        assertThatThrownBy(() -> AsAdmin.as("olivia", "OFFICER", () -> webhooks.create(definition, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsAdmin.as("aude", "AUDITOR", () -> webhooks.list()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(AsAdmin.as("aude", "AUDITOR", () -> webhooks.health())).isNotNull();

        assertThatThrownBy(() -> AsAdmin.admin(() -> webhooks.create(
                        new WebhookDefinition("x", "ftp://hooks.example.com/x", WebhookFormat.JSON, null, true), null)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Only http:// and https://");
        assertThatThrownBy(() -> AsAdmin.admin(() -> webhooks.create(definition, "short")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("16 to 500 characters")
                .hasMessageNotContaining("short");
        var saved = AsAdmin.admin(() -> webhooks.create(definition, SECRET));
        created.add(saved.id());
        assertThat(saved.signed()).isTrue();
        assertThatThrownBy(() -> AsAdmin.admin(() -> webhooks.create(
                        new WebhookDefinition("X", "https://hooks.example.com/y", WebhookFormat.SLACK, null, true),
                        null)))
                .hasMessageContaining("exists already");
        var unsigned = AsAdmin.admin(() -> webhooks.update(saved.id(), definition, null, true));
        assertThat(unsigned.signed()).isFalse();
    }

    private WebhookSummary create(
            String name, String path, WebhookFormat format, ClusterSummary cluster, String secret) {
        var url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        var webhook = AsAdmin.admin(() -> webhooks.create(
                new WebhookDefinition(name, url, format, cluster == null ? null : cluster.id(), true), secret));
        created.add(webhook.id());
        return webhook;
    }

    private DeliverySummary delivery(long webhookId) {
        var list = AsAdmin.admin(() -> webhooks.deliveries(new DeliveryFilter(webhookId, null, false), 0, 10));
        return list.isEmpty() ? null : list.get(0);
    }

    private void makeDue(long deliveryId) {
        jdbc.update(
                "update drift_delivery set next_attempt_at = ? where id = ?",
                SqlTime.of(Clock.systemUTC().instant().minusSeconds(60)),
                deliveryId);
    }

    private void collectAndAssess(ClusterSummary cluster) {
        clusters.awaitAssessed(clusters.collect(cluster).snapshotId());
    }

    private void receive(String path, IntSupplier status) {
        server.createContext(path, exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(
                    path,
                    body,
                    headers.getFirst(WebhookSender.SIGNATURE_HEADER) == null
                            ? ""
                            : headers.getFirst(WebhookSender.SIGNATURE_HEADER),
                    String.valueOf(headers.getFirst(WebhookSender.EVENT_HEADER)),
                    String.valueOf(headers.getFirst(WebhookSender.DELIVERY_HEADER))));
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
    }

    private static String hmac(String secret, String body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
