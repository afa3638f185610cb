package io.clusterproof.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.evidence.EvidenceService;
import io.clusterproof.evidence.ExportFormat;
import io.clusterproof.evidence.ExportRequest;
import io.clusterproof.snapshot.AgentKeys;
import io.clusterproof.snapshot.AgentManifest;
import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.ClusterDefinition;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.MockApiServer;
import io.clusterproof.snapshot.Provenance;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.SecretRedactor;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotStatus;
import io.clusterproof.snapshot.SourceType;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.SyntheticCluster;
import io.clusterproof.support.WebIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agent against fabric8's mock API server in CRUD mode, pushing over real HTTP to the server
 * started for the test, which stores into its real database.
 */
@WebIntegrationTest
class AgentPushTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClusters clusters;

    @Autowired
    AgentService agents;

    @Autowired
    ClusterService clusterService;

    @Autowired
    SnapshotReader snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EvidenceService evidence;

    @TempDir
    Path directory;

    private final MockApiServer api = new MockApiServer();
    private AgentFixture fixture;
    private ClusterSummary cluster;

    @BeforeEach
    void anAgentClusterOnAMockApiServer() {
        api.load(new SyntheticCluster(2, 2, 2).objects());
        fixture = new AgentFixture(url(), clusters, agents, directory, "agent", api);
        cluster = fixture.cluster();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void the_agent_registers_and_pushes_a_complete_snapshot_signed_with_its_key() {
        var token = fixture.registrationToken();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        var exit = AgentCommand.run(
                List.of(
                        "--server",
                        url(),
                        "--state",
                        directory.resolve("state").toString(),
                        "--kubeconfig",
                        fixture.kubeconfig().toString(),
                        "--once"),
                Map.of("CLUSTERPROOF_AGENT_TOKEN", token),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        var stored = snapshots.list(cluster.id(), PageRequest.of(0, 10)).getContent();
        assertThat(stored).hasSize(1);
        var snapshot = stored.get(0);
        assertThat(snapshot.status()).isEqualTo(SnapshotStatus.COMPLETE);
        var fingerprint = AgentKeys.fingerprint(AgentKeys.publicKey(read("state/agent.pub")));
        assertThat(snapshot.provenance().kind()).isEqualTo(Provenance.Kind.AGENT);
        assertThat(snapshot.provenance().keyFingerprint()).isEqualTo(fingerprint);
        assertThat(snapshot.provenance().describe())
                .contains("signed by the agent of cluster " + cluster.name(), "key fingerprint " + fingerprint);
        // the same cluster collected by the server itself gives the very same snapshot digest
        var live = clusters.kubeconfig("server-side", fixture.kubeconfig());
        var run = clusters.collect(live);
        var serverSide = snapshots.summary(run.snapshotId()).orElseThrow();
        assertThat(snapshot.digest()).isEqualTo(serverSide.digest());
        assertThat(snapshot.objects()).isEqualTo(serverSide.objects());
        assertThat(actions())
                .contains(
                        "AGENT_REGISTRATION_CREATED", "AGENT_REGISTERED", "AGENT_PUSH_STARTED", "AGENT_PUSH_COMMITTED");
        clusters.awaitAssessed(snapshot.id());
        assertThat(compact(pdf(cluster)))
                .as("the PDF states who signed the evidence")
                .contains(compact(
                        "signed by the agent of cluster " + cluster.name() + ", key fingerprint " + fingerprint));
        assertThat(read("state/credential")).startsWith("cpa_");
        assertThat(jdbc.queryForObject(
                        "select count(*) from agent_credential where credential_hash = ?",
                        Integer.class,
                        read("state/credential")))
                .as("the credential is stored only as its hash")
                .isZero();
    }

    @Test
    void a_second_push_of_an_unchanged_cluster_sends_no_bodies() {
        var agent = fixture.register();
        var first = agent.pusher(50).push(agent.collect(), agent.key());
        var distinct = new HashSet<>(agent.collect().manifest().objects().stream()
                        .map(o -> o.digest())
                        .toList())
                .size();
        assertThat(first.bodiesSent()).isEqualTo(distinct);

        var second = agent.pusher(50).push(agent.collect(), agent.key());

        assertThat(second.bodiesMissing()).isZero();
        assertThat(second.bodiesSent()).isZero();
        assertThat(second.snapshotId()).isNotEqualTo(first.snapshotId());
        assertThat(snapshots.summary(second.snapshotId()).orElseThrow().digest())
                .isEqualTo(snapshots.summary(first.snapshotId()).orElseThrow().digest());
    }

    @Test
    void a_collection_after_a_push_reads_again_only_what_the_api_server_wrote_since_and_redacts_it() {
        var agent = fixture.register();
        var first = agent.collect();
        agent.pusher(50).push(first, agent.key());
        var objects = first.manifest().objects().size();

        var second = agent.collect(first.reads());

        assertThat(second.keptUnchanged()).isEqualTo(objects);
        assertThat(second.manifest().objects()).isEqualTo(first.manifest().objects());
        assertThat(agent.pusher(50).push(second, agent.key()).bodiesMissing()).isZero();

        api.putConfigMapEntry("team-0", "settings", "DATABASE_URL", "postgres://app:hunter2-canary@db:5432/app");

        var third = agent.collect(second.reads());

        assertThat(third.keptUnchanged()).isEqualTo(objects - 1);
        var pushed = agent.pusher(50).push(third, agent.key());
        assertThat(pushed.bodiesSent()).isEqualTo(1);
        var body = snapshots
                .object(pushed.snapshotId(), new ResourceKey("", "ConfigMap", "team-0", "settings"))
                .orElseThrow()
                .body();
        assertThat(CanonicalJson.bytes(body))
                .asString()
                .contains(SecretRedactor.MARKER)
                .doesNotContain("hunter2-canary");
    }

    @Test
    void a_collection_that_kept_bodies_the_server_lacks_is_refused_by_the_agent_before_anything_is_sent() {
        var agent = fixture.register();
        var neverPushed = agent.collect();
        var kept = agent.collect(neverPushed.reads());
        var pusher = agent.pusher(50);

        assertThatThrownBy(() -> pusher.push(kept, agent.key()))
                .isInstanceOf(AgentPusher.BodiesNotRead.class)
                .hasMessageContaining("the server lacks "
                        + new HashSet<>(kept.manifest().objects().stream()
                                        .map(o -> o.digest())
                                        .toList())
                                .size()
                        + " bodies");
        assertThat(snapshots.list(cluster.id(), PageRequest.of(0, 10)).getContent())
                .isEmpty();
        assertThat(pusher.push(agent.collect(), agent.key()).status()).isEqualTo("COMPLETE");
    }

    @Test
    void a_push_cut_half_way_leaves_no_snapshot_and_resumes_with_what_is_still_missing() {
        var agent = fixture.register();
        var collection = agent.collect();
        var pusher = agent.pusher(3);

        assertThatThrownBy(() -> pusher.push(collection, agent.key(), sent -> {
                    if (sent >= 6) {
                        throw new IllegalStateException("the agent's pod was stopped");
                    }
                }))
                .hasMessageContaining("stopped");
        assertThat(snapshots.list(cluster.id(), PageRequest.of(0, 10)).getContent())
                .as("nothing of an unfinished push is visible")
                .isEmpty();

        var resumed = pusher.push(collection, agent.key());

        var distinct = new HashSet<>(collection.manifest().objects().stream()
                        .map(o -> o.digest())
                        .toList())
                .size();
        assertThat(resumed.bodiesMissing()).isEqualTo(distinct - 6);
        assertThat(resumed.bodiesSent()).isEqualTo(distinct - 6);
        var snapshot = snapshots.summary(resumed.snapshotId()).orElseThrow();
        assertThat(snapshot.objects()).isEqualTo(collection.manifest().objects().size());
        assertThat(snapshot.status()).isEqualTo(SnapshotStatus.COMPLETE);
        assertThat(actions()).contains("AGENT_PUSH_RESUMED");
    }

    @Test
    void a_used_registration_token_is_refused() {
        var token = fixture.registrationToken();
        var server = new AgentServer(url());
        server.register(token, AgentKeys.encode(AgentKeys.generate().getPublic()));

        assertThatThrownBy(() -> server.register(
                        token, AgentKeys.encode(AgentKeys.generate().getPublic())))
                .isInstanceOfSatisfying(
                        AgentServer.Failure.class, f -> assertThat(f.status()).isEqualTo(401))
                .hasMessageContaining("already used");
        assertThat(actions()).contains("AGENT_REGISTRATION_REFUSED");
    }

    @Test
    void an_expired_registration_token_is_refused() {
        var token = fixture.registrationToken(Duration.ofMinutes(5));
        jdbc.update("update agent_registration set expires_at = created_at where cluster_id = ?", cluster.id());

        assertThatThrownBy(() -> new AgentServer(url())
                        .register(token, AgentKeys.encode(AgentKeys.generate().getPublic())))
                .isInstanceOfSatisfying(
                        AgentServer.Failure.class, f -> assertThat(f.status()).isEqualTo(401))
                .hasMessageContaining("expired");
        assertThat(actions()).contains("AGENT_REGISTRATION_REFUSED");
        assertThat(agents.status(cluster.id()).active()).isFalse();
    }

    @Test
    void a_revoked_credential_is_refused() {
        var agent = fixture.register();
        AsAdmin.admin(() -> agents.revoke(cluster.id()));

        assertThatThrownBy(() -> agent.pusher(50).push(agent.collect(), agent.key()))
                .isInstanceOfSatisfying(
                        AgentServer.Failure.class,
                        f -> assertThat(f.credentialRefused()).isTrue())
                .hasMessageContaining("revoked");
        assertThat(snapshots.list(cluster.id(), PageRequest.of(0, 10)).getContent())
                .isEmpty();
        assertThat(actions()).contains("AGENT_REVOKED", "AGENT_PUSH_REFUSED");
    }

    @Test
    void a_stranger_is_refused_before_the_request_is_read() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/agent/pushes"))
                .header("Authorization", "Bearer cpa_not-a-credential")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("manifest");
    }

    @Test
    void a_path_written_with_percent_escapes_is_refused_as_a_stranger_before_its_body_is_read() throws Exception {
        for (var path : List.of("/api/v1/%61gent/pushes", "/api/v1/agent/%70ushes", "/api/v1/agent/registration%73")) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("this is not JSON"))
                    .build();

            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

            if (path.endsWith("registration%73")) {
                // the one request a stranger may make: read, under the registration's limit, and refused as bad input
                assertThat(response.statusCode()).as(path).isEqualTo(400);
            } else {
                assertThat(response.statusCode()).as(path).isEqualTo(401);
                assertThat(response.body()).as(path).contains("Unauthenticated");
            }
        }
        var oversized = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/agent/registration%73"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + "x".repeat(100_000) + "\"}"))
                .build();
        assertThat(HttpClient.newHttpClient()
                        .send(oversized, HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(413);
    }

    @Test
    void a_manifest_changed_after_signing_is_refused_and_audited() {
        var agent = fixture.register();
        var manifest = agent.collect().manifest();
        var signature = AgentKeys.sign(agent.key(), manifest.canonicalBytes());
        var objects = new java.util.ArrayList<>(manifest.objects());
        objects.remove(0);
        var tampered = new AgentManifest(
                manifest.clusterId(), manifest.takenAt(), manifest.kubernetesVersion(), manifest.missing(), objects);

        assertThatThrownBy(() -> agent.server().offer(tampered, signature))
                .isInstanceOfSatisfying(
                        AgentServer.Failure.class, f -> assertThat(f.status()).isEqualTo(400))
                .hasMessageContaining("signature does not verify");
        assertThat(jdbc.queryForObject(
                        "select count(*) from agent_push where cluster_id = ?", Integer.class, cluster.id()))
                .isZero();
        assertThat(actions()).contains("AGENT_PUSH_REFUSED");
    }

    @Test
    void an_unsigned_manifest_and_a_commit_of_a_push_the_agent_does_not_have_are_refused_and_audited() {
        var agent = fixture.register();
        var manifest = agent.collect().manifest();

        assertThatThrownBy(() -> agent.server().offer(manifest, ""))
                .isInstanceOfSatisfying(
                        AgentServer.Failure.class, f -> assertThat(f.status()).isEqualTo(400))
                .hasMessageContaining("not signed");
        assertThatThrownBy(() -> agent.server().commit(987_654L))
                .isInstanceOfSatisfying(
                        AgentServer.Failure.class, f -> assertThat(f.status()).isEqualTo(404));

        assertThat(jdbc.queryForList(
                        "select detail from audit_entry where action = 'AGENT_PUSH_REFUSED' and target_id = ?",
                        String.class,
                        cluster.name()))
                .anySatisfy(d -> assertThat(d).contains("not signed"))
                .anySatisfy(d -> assertThat(d).contains("has no push 987654"));
    }

    @Test
    void an_agent_of_a_cluster_whose_source_changed_is_refused_and_audited() {
        var agent = fixture.register();
        var manifest = agent.collect().manifest();
        var token = fixture.registrationToken();
        var definition = new ClusterDefinition(
                cluster.name(),
                null,
                null,
                null,
                null,
                SourceType.KUBECONFIG,
                fixture.kubeconfig().toString(),
                null,
                null,
                "0 0 2 * * *",
                true);
        AsAdmin.admin(() -> clusterService.update(cluster.id(), definition));

        assertThatThrownBy(() -> agent.server().offer(manifest, AgentKeys.sign(agent.key(), manifest.canonicalBytes())))
                .isInstanceOfSatisfying(
                        AgentServer.Failure.class, f -> assertThat(f.status()).isEqualTo(403))
                .hasMessageContaining("no longer collected by its agent");
        assertThat(actions()).contains("AGENT_PUSH_REFUSED");
        assertThat(snapshots.list(cluster.id(), PageRequest.of(0, 10)).getContent())
                .isEmpty();
        assertThatThrownBy(() -> agents.register(
                        token, AgentKeys.encode(AgentKeys.generate().getPublic())))
                .hasMessageContaining("no longer collected by an agent");
        assertThat(agents.status(cluster.id()).active())
                .as("a token issued before cannot replace the agent")
                .isTrue();
    }

    /**
     * Whether a controller owns an object decides whether it is assessed itself or through its
     * controller, so a manifest that says otherwise than the body would hide the object from checks.
     */
    @Test
    void a_manifest_that_says_otherwise_than_the_body_whether_a_controller_owns_an_object_is_refused() {
        var agent = fixture.register();
        var collection = agent.collect();
        var owned = collection.manifest().objects().stream()
                .filter(AgentManifest.Entry::controlled)
                .findFirst()
                .orElseThrow();
        var uploaded =
                flipped(collection.manifest(), owned, collection.manifest().takenAt());
        var offer = agent.server().offer(uploaded, AgentKeys.sign(agent.key(), uploaded.canonicalBytes()));

        assertThatThrownBy(() -> agent.server()
                        .bodies(
                                offer.pushId(),
                                List.of(new AgentServer.Body(
                                        owned.digest(),
                                        Base64.getEncoder().encodeToString(collection.gzippedBody(owned.digest()))))))
                .isInstanceOfSatisfying(
                        AgentServer.Failure.class, f -> assertThat(f.status()).isEqualTo(400))
                .hasMessageContaining("owned by a controller in the manifest, but its body says otherwise");

        agent.pusher(50).push(collection, agent.key());
        var kept = flipped(collection.manifest(), owned, Instant.now());
        var second = agent.server().offer(kept, AgentKeys.sign(agent.key(), kept.canonicalBytes()));
        assertThat(second.missing()).as("the server holds every body").isEmpty();

        assertThatThrownBy(() -> agent.server().commit(second.pushId()))
                .isInstanceOfSatisfying(
                        AgentServer.Failure.class, f -> assertThat(f.status()).isEqualTo(400))
                .hasMessageContaining("owned by a controller in the manifest, but its body says otherwise");
        assertThat(snapshots.list(cluster.id(), PageRequest.of(0, 10)).getContent())
                .hasSize(1);
    }

    /** The manifest with {@code entry} said to be owned by no controller, taken at {@code takenAt}. */
    private static AgentManifest flipped(AgentManifest manifest, AgentManifest.Entry entry, Instant takenAt) {
        var objects = manifest.objects().stream()
                .map(o -> o.equals(entry)
                        ? new AgentManifest.Entry(
                                o.group(),
                                o.kind(),
                                o.namespace(),
                                o.name(),
                                o.apiVersion(),
                                o.uid(),
                                false,
                                o.digest())
                        : o)
                .toList();
        return new AgentManifest(
                manifest.clusterId(), takenAt, manifest.kubernetesVersion(), manifest.missing(), objects);
    }

    @Test
    void a_body_that_does_not_match_its_digest_is_refused() {
        var agent = fixture.register();
        var collection = agent.collect();
        var manifest = collection.manifest();
        var offer = agent.server().offer(manifest, AgentKeys.sign(agent.key(), manifest.canonicalBytes()));
        var first = offer.missing().get(0);
        var other = offer.missing().get(1);

        assertThatThrownBy(() -> agent.server()
                        .bodies(
                                offer.pushId(),
                                List.of(new AgentServer.Body(
                                        first,
                                        java.util.Base64.getEncoder().encodeToString(collection.gzippedBody(other))))))
                .isInstanceOfSatisfying(
                        AgentServer.Failure.class, f -> assertThat(f.status()).isEqualTo(400));
        assertThatThrownBy(() -> agent.server().commit(offer.pushId()))
                .isInstanceOfSatisfying(
                        AgentServer.Failure.class, f -> assertThat(f.status()).isEqualTo(409))
                .hasMessageContaining("have not arrived");
        assertThat(snapshots.list(cluster.id(), PageRequest.of(0, 10)).getContent())
                .isEmpty();
    }

    @Test
    void a_body_carrying_a_secret_value_is_refused_and_never_stored() throws Exception {
        var agent = fixture.register();
        var manifest = agent.collect().manifest();
        var secret = new java.util.LinkedHashMap<String, Object>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", Map.of("name", "db", "namespace", "ns-0", "uid", "u-db"));
        secret.put("data", Map.of("password", "aHVudGVyMg=="));
        var raw = CanonicalJson.bytes(secret);
        var digest = CanonicalJson.sha256(raw);
        var objects = new java.util.ArrayList<>(manifest.objects());
        objects.add(new AgentManifest.Entry("", "Secret", "ns-0", "db", "v1", "u-db", false, digest));
        var lying = new AgentManifest(
                manifest.clusterId(), manifest.takenAt(), manifest.kubernetesVersion(), manifest.missing(), objects);
        var offer = agent.server().offer(lying, AgentKeys.sign(agent.key(), lying.canonicalBytes()));
        assertThat(offer.missing()).contains(digest);

        assertThatThrownBy(() ->
                        agent.server().bodies(offer.pushId(), List.of(new AgentServer.Body(digest, gzipBase64(raw)))))
                .isInstanceOfSatisfying(
                        AgentServer.Failure.class, f -> assertThat(f.status()).isEqualTo(400))
                .hasMessageContaining("does not match its digest once redacted");
        assertThat(jdbc.queryForObject(
                        "select count(*) from agent_staged_body where digest = ?", Integer.class, digest))
                .isZero();
        assertThat(actions()).contains("AGENT_PUSH_REFUSED");
    }

    @Test
    void collect_now_on_the_server_reaches_the_agent_at_its_next_poll_once() {
        var agent = fixture.register();
        assertThat(agent.server().collectionRequested()).isFalse();

        AsAdmin.admin(() -> agents.requestCollection(cluster.id()));

        assertThat(agent.server().collectionRequested()).isTrue();
        assertThat(agent.server().collectionRequested()).isFalse();
        assertThat(actions()).contains("AGENT_COLLECTION_REQUESTED");
    }

    private static String gzipBase64(byte[] bytes) throws java.io.IOException {
        var out = new ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return java.util.Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private String pdf(ClusterSummary cluster) {
        var today = LocalDate.now(ZoneOffset.UTC);
        var request = new ExportRequest(List.of(cluster.id()), "pci-dss-4.0", today.minusDays(7), today);
        var out = new ByteArrayOutputStream();
        AsAdmin.as("test-auditor", "AUDITOR", () -> {
            evidence.write(request, ExportFormat.PDF, out);
            return null;
        });
        try (var document = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private List<String> actions() {
        return jdbc.queryForList(
                "select action from audit_entry where target_type = 'cluster' and target_id = ?",
                String.class,
                cluster.name());
    }

    private String read(String name) {
        try {
            return Files.readString(directory.resolve(name)).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
