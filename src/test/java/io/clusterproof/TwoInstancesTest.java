package io.clusterproof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.NewUser;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.snapshot.AgentCollection;
import io.clusterproof.snapshot.AgentKeys;
import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.ClusterDefinition;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.CollectionService;
import io.clusterproof.snapshot.MockApiServer;
import io.clusterproof.snapshot.RunTrigger;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotStatus;
import io.clusterproof.snapshot.SourceType;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.SyntheticCluster;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;

/**
 * Two application instances, each with its own web server on a random port, sharing one database:
 * a named in-memory H2 database on the embedded default, the CI PostgreSQL in its pass. Schedulers
 * fire every 200 ms on both; an agent's push is spread over both; both write the audit log at once.
 */
class TwoInstancesTest {

    private static final Path SMALL_MANIFESTS = Path.of("src/test/resources/manifests/multi-document.yaml");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final String REFRESHER =
            "io.clusterproof.remediation.PostureRefresher.on" + "(io.clusterproof.remediation.PostureInputsChanged)";

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static JdbcTemplate jdbc;
    static ClusterSummary idle;
    static UUID inFlight;
    static UUID abandoned;

    @BeforeAll
    static void startTwoInstances() {
        var args = new ArrayList<>(List.of(
                "--server.port=0",
                "--clusterproof.snapshot.scheduler-interval=200ms",
                "--clusterproof.snapshot.scheduler-initial-delay=0s",
                "--clusterproof.base.republish-interval=300ms",
                "--clusterproof.base.republish-initial-delay=0s",
                "--clusterproof.base.republish-events-after=10m",
                "--clusterproof.assessment.metrics-interval=300ms",
                "--clusterproof.access.session-sync-interval=300ms",
                "--clusterproof.access.admin-password=test-admin-passphrase-7"));
        if (!System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", "").contains("postgres")) {
            args.add("--spring.datasource.url=jdbc:h2:mem:two-instances-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        }
        first = start(args);
        jdbc = first.getBean(JdbcTemplate.class);
        signInThrough(first);
        // an event the first instance is handling at this moment, and one whose process died an hour ago
        idle = register(SourceType.UPLOAD, null, false);
        inFlight = publication(idle.id(), Instant.now());
        abandoned = publication(idle.id(), Instant.now().minus(Duration.ofHours(1)));
        second = start(args);
        signInThrough(first);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void due_collections_start_once_each_while_both_schedulers_run() {
        var due = new ArrayList<ClusterSummary>();
        for (int i = 0; i < 4; i++) {
            due.add(register(SourceType.MANIFESTS, SMALL_MANIFESTS, true));
        }

        var past = Timestamp.from(Instant.now().minus(Duration.ofMinutes(1)));
        for (var cluster : due) {
            jdbc.update("update cluster set next_run_at = ? where id = ?", past, cluster.id());
        }

        for (var cluster : due) {
            await("the scheduled collection of " + cluster.name())
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> count(
                                    "select count(*) from collection_run where cluster_id = ? and run_trigger = "
                                            + "'SCHEDULE' and status <> 'RUNNING'",
                                    cluster.id())
                            == 1);
        }
        await("no second start of any of them")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> due.stream().allMatch(c -> scheduledRuns(c) == 1));
        for (var cluster : due) {
            assertThat(scheduledRuns(cluster)).as(cluster.name()).isEqualTo(1);
            // the same manifests for every cluster: their collections store the same bodies at once
            var outcome =
                    jdbc.queryForMap("select status, message from collection_run where cluster_id = ?", cluster.id());
            assertThat(outcome.get("status"))
                    .as("%s: %s", cluster.name(), outcome)
                    .isEqualTo("SUCCEEDED");
            assertThat(jdbc.queryForObject(
                            "select next_run_at from cluster where id = ?", Timestamp.class, cluster.id()))
                    .as("the schedule of %s moved on", cluster.name())
                    .isAfter(past);
        }
    }

    @Test
    void an_agent_push_spread_over_both_instances_stores_one_complete_snapshot_and_resumes_across_them(
            @TempDir Path directory) {
        var api = new MockApiServer();
        try (api) {
            var before = new SyntheticCluster(2, 2, 2).objects();
            api.load(before);
            var kubeconfig = api.kubeconfig(directory);
            var cluster = register(SourceType.AGENT, null, false);
            var agent = registerAgent(cluster, second);

            // the manifest to the first instance, the bodies to the second, the commit to the first
            var collection = AgentCollection.collect(cluster.id(), kubeconfig, null, Clock.systemUTC());
            var offer = agent.offer(first, collection);
            assertThat(offer.missing()).isNotEmpty();
            agent.bodies(second, offer.pushId(), collection, offer.missing());
            var committed = agent.commit(first, offer.pushId());

            var stored = snapshots(cluster);
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).id())
                    .isEqualTo(committed.path("snapshotId").asLong());
            assertThat(stored.get(0).status()).isEqualTo(SnapshotStatus.COMPLETE);
            assertThat(stored.get(0).objects())
                    .isEqualTo(collection.manifest().objects().size());
            assertThat(agent.commitStatus(second, offer.pushId()))
                    .as("committing the same push again through the other instance")
                    .isEqualTo(409);
            assertThat(snapshots(cluster)).hasSize(1);

            // a new state of the cluster; the push is cut after half its bodies and resumed elsewhere
            api.load(new SyntheticCluster(3, 2, 2)
                    .objects().stream().filter(o -> !before.contains(o)).toList());
            var next = AgentCollection.collect(cluster.id(), kubeconfig, null, Clock.systemUTC());
            var cut = agent.offer(second, next);
            var half = cut.missing().subList(0, cut.missing().size() / 2);
            agent.bodies(first, cut.pushId(), next, half);
            var resumed = agent.offer(first, next);
            assertThat(resumed.pushId()).isEqualTo(cut.pushId());
            assertThat(resumed.missing())
                    .hasSize(cut.missing().size() - half.size())
                    .doesNotContainAnyElementsOf(half);
            agent.bodies(second, resumed.pushId(), next, resumed.missing());
            var last = agent.commit(second, resumed.pushId());

            assertThat(snapshots(cluster)).hasSize(2);
            var latest = snapshots(cluster).get(0);
            assertThat(latest.id()).isEqualTo(last.path("snapshotId").asLong());
            assertThat(latest.status()).isEqualTo(SnapshotStatus.COMPLETE);
            assertThat(latest.objects()).isEqualTo(next.manifest().objects().size());
            assertThat(jdbc.queryForList(
                            "select action from audit_entry where target_type = 'cluster' and target_id = ?",
                            String.class,
                            cluster.name()))
                    .contains("AGENT_PUSH_STARTED", "AGENT_PUSH_RESUMED", "AGENT_PUSH_COMMITTED");
        }
    }

    @Test
    void an_assessment_run_on_one_instance_shows_in_the_other_instance_s_posture_gauges() {
        var cluster = register(SourceType.MANIFESTS, SMALL_MANIFESTS, false);

        var run = AsAdmin.admin(
                () -> first.getBean(CollectionService.class).collectAndWait(cluster.id(), RunTrigger.MANUAL));

        await("the first instance assesses snapshot " + run.snapshotId())
                .atMost(Duration.ofSeconds(90))
                .until(() -> count("select count(*) from assessment where snapshot_id = ?", run.snapshotId()) > 0);
        await("the second instance's posture gauges show " + cluster.name())
                .atMost(Duration.ofSeconds(90))
                .until(() -> !second.getBean(MeterRegistry.class)
                        .find("clusterproof.framework.score")
                        .tag("cluster", cluster.name())
                        .gauges()
                        .isEmpty());
    }

    @Test
    void the_audit_chain_stays_one_chain_when_both_instances_write_at_once() {
        var writers = Executors.newFixedThreadPool(4);
        try {
            var writes = new ArrayList<CompletableFuture<Void>>();
            for (var instance : List.of(first, second, first, second)) {
                var log = instance.getBean(AuditLog.class);
                var name = instance == first ? "first" : "second";
                writes.add(CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < 40; i++) {
                                log.recordAs("twin-" + name, AuditEvent.of("TWIN_WRITE", "test", name + "-" + i));
                            }
                        },
                        writers));
            }
            writes.forEach(CompletableFuture::join);
        } finally {
            writers.shutdown();
        }

        // the verifier links what is still pending first: whichever instance's linker ran, one chain
        var verification = AsAdmin.admin(() -> first.getBean(AuditLog.class).verify());
        assertThat(verification.intact()).as(verification.message()).isTrue();
        assertThat(verification.checked()).isGreaterThanOrEqualTo(160);
        assertThat(count("select count(*) from audit_entry e where e.action = 'TWIN_WRITE' and not exists"
                        + " (select 1 from audit_chain c where c.entry_id = e.id)"))
                .as("every entry of both instances is linked")
                .isZero();
        assertThat(count("select count(*) from audit_chain"))
                .isEqualTo(count("select count(distinct entry_id) from audit_chain"));
    }

    @Test
    void disabling_a_user_on_one_instance_ends_the_user_s_sessions_on_the_other() {
        var username = "twin-" + UUID.randomUUID().toString().substring(0, 8);
        var users = first.getBean(UserService.class);
        AsAdmin.admin(
                () -> users.create(new NewUser(username, "Twin", "a-long-enough-passphrase-9", Role.AUDITOR, null)));
        var sessions = second.getBean(SessionRegistry.class);
        var signedIn = "session-of-" + username;
        sessions.registerNewSession(
                signedIn,
                User.withUsername(username).password("-").roles("AUDITOR").build());

        AsAdmin.admin(() -> users.disable(username));

        await("the second instance ends the session " + username + " signed in with there")
                .atMost(Duration.ofSeconds(60))
                .until(() -> sessions.getSessionInformation(signedIn).isExpired());
    }

    @Test
    void a_starting_instance_leaves_events_another_one_is_handling_alone() {
        await("the event abandoned an hour ago is handled again")
                .atMost(Duration.ofSeconds(60))
                .until(() -> !publicationExists(abandoned));
        var events = second.getBean("taskExecutor", ThreadPoolTaskExecutor.class);
        await("the second instance's event workers are idle")
                .atMost(Duration.ofSeconds(60))
                .until(() -> events.getActiveCount() == 0
                        && events.getThreadPoolExecutor().getQueue().isEmpty());

        assertThat(publicationExists(inFlight))
                .as("an event published moments ago is left to the instance handling it")
                .isTrue();
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(ClusterProofApplication.class).run(args.toArray(String[]::new));
    }

    /** Vaadin's security-context strategy is per context; the holder points at the one that started last. */
    private static void signInThrough(ConfigurableApplicationContext context) {
        SecurityContextHolder.setContextHolderStrategy(context.getBean(SecurityContextHolderStrategy.class));
    }

    private static ClusterSummary register(SourceType type, @Nullable Path path, boolean scheduled) {
        var name = "twins-" + UUID.randomUUID().toString().substring(0, 8);
        return AsAdmin.admin(() -> first.getBean(ClusterService.class)
                .register(new ClusterDefinition(
                        name,
                        null,
                        "test",
                        null,
                        null,
                        type,
                        null,
                        null,
                        path == null ? null : path.toAbsolutePath().toString(),
                        "0 0 2 * * *",
                        scheduled)));
    }

    private static UUID publication(long clusterId, Instant published) {
        var id = UUID.randomUUID();
        jdbc.update(
                "insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)"
                        + " values (?, ?, ?, ?, ?)",
                id,
                REFRESHER,
                "io.clusterproof.remediation.PostureInputsChanged",
                "{\"clusterId\":" + clusterId + "}",
                Timestamp.from(published));
        return id;
    }

    private static boolean publicationExists(UUID id) {
        return count("select count(*) from event_publication where id = ?", id) == 1;
    }

    private static int scheduledRuns(ClusterSummary cluster) {
        return count(
                "select count(*) from collection_run where cluster_id = ? and run_trigger = 'SCHEDULE'", cluster.id());
    }

    private static int count(String sql, Object... args) {
        var count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }

    private static List<io.clusterproof.snapshot.SnapshotSummary> snapshots(ClusterSummary cluster) {
        return first.getBean(SnapshotReader.class)
                .list(cluster.id(), PageRequest.of(0, 10))
                .getContent();
    }

    private static Agent registerAgent(ClusterSummary cluster, ConfigurableApplicationContext through) {
        var token = AsAdmin.admin(() -> first.getBean(AgentService.class).createRegistration(cluster.id(), null))
                .token();
        var keys = AgentKeys.generate();
        var registered = call(
                through,
                "/api/v1/agent/registrations",
                null,
                Map.of("token", token, "publicKey", AgentKeys.encode(keys.getPublic())));
        return new Agent(ok(registered).path("credential").asText(), keys.getPrivate());
    }

    record Answer(int status, JsonNode body) {}

    record Offer(long pushId, List<String> missing) {}

    /** The agent's side of the push protocol, each step sent to the instance named. */
    record Agent(String credential, PrivateKey key) {

        Offer offer(ConfigurableApplicationContext to, AgentCollection collection) {
            var manifest = collection.manifest();
            var answer = ok(call(
                    to,
                    "/api/v1/agent/pushes",
                    credential,
                    Map.of("manifest", manifest, "signature", AgentKeys.sign(key, manifest.canonicalBytes()))));
            var missing = new ArrayList<String>();
            answer.path("missing").forEach(d -> missing.add(d.asText()));
            return new Offer(answer.path("pushId").asLong(), missing);
        }

        void bodies(ConfigurableApplicationContext to, long pushId, AgentCollection collection, List<String> digests) {
            for (int from = 0; from < digests.size(); from += 5) {
                var batch = digests.subList(from, Math.min(digests.size(), from + 5)).stream()
                        .map(d -> Map.of(
                                "digest", d, "gzip", Base64.getEncoder().encodeToString(collection.gzippedBody(d))))
                        .toList();
                ok(call(to, "/api/v1/agent/pushes/" + pushId + "/bodies", credential, Map.of("bodies", batch)));
            }
        }

        JsonNode commit(ConfigurableApplicationContext to, long pushId) {
            return ok(call(to, "/api/v1/agent/pushes/" + pushId + "/commit", credential, null));
        }

        int commitStatus(ConfigurableApplicationContext to, long pushId) {
            return call(to, "/api/v1/agent/pushes/" + pushId + "/commit", credential, null)
                    .status();
        }
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status() / 100)
                .as(answer.status() + " " + answer.body())
                .isEqualTo(2);
        return answer.body();
    }

    private static Answer call(
            ConfigurableApplicationContext to, String path, @Nullable String credential, @Nullable Object body) {
        var port = ((WebServerApplicationContext) to).getWebServer().getPort();
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofMinutes(2))
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .POST(
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (credential != null) {
                request.header("Authorization", "Bearer " + credential);
            }
            var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            var json = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
