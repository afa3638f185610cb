package io.clusterproof.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.snapshot.AgentKeys;
import io.clusterproof.snapshot.AgentProperties;
import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.MockApiServer;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotStatus;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.GzipBomb;
import io.clusterproof.support.SyntheticCluster;
import io.clusterproof.support.WebIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the agent sends goes gzip-compressed, counted on the wire by a proxy in front of the
 * server; and a request that inflates past the server's limit is refused before it costs more.
 */
@WebIntegrationTest
class AgentCompressionTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClusters clusters;

    @Autowired
    AgentService agents;

    @Autowired
    SnapshotReader snapshots;

    @Autowired
    AgentProperties properties;

    @TempDir
    Path directory;

    private final MockApiServer api = new MockApiServer();
    private CountingProxy proxy;
    private AgentFixture fixture;

    @BeforeEach
    void anAgentClusterPushingThroughACountingProxy() throws IOException {
        api.load(new SyntheticCluster(10, 5, 3).objects());
        proxy = new CountingProxy(port);
        fixture = new AgentFixture(proxy.url(), clusters, agents, directory, "gzip", api);
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        api.close();
    }

    @Test
    void the_manifest_and_the_bodies_go_over_the_wire_compressed() throws Exception {
        var agent = fixture.register();
        var collection = agent.collect();
        var manifest = collection.manifest();
        var signature = AgentKeys.sign(agent.key(), manifest.canonicalBytes());
        var plainManifest =
                AgentServer.JSON.writeValueAsBytes(Map.of("manifest", manifest, "signature", signature)).length;

        var before = proxy.bytesSent();
        var offer = agent.server().offer(manifest, signature);
        var manifestOnTheWire = proxy.bytesSent() - before;
        var bodies = new ArrayList<AgentServer.Body>();
        for (var digest : offer.missing()) {
            bodies.add(
                    new AgentServer.Body(digest, Base64.getEncoder().encodeToString(collection.gzippedBody(digest))));
        }
        var plainBodies = AgentServer.JSON.writeValueAsBytes(Map.of("bodies", bodies)).length;
        before = proxy.bytesSent();
        agent.server().bodies(offer.pushId(), bodies);
        var bodiesOnTheWire = proxy.bytesSent() - before;
        var committed = agent.server().commit(offer.pushId());

        System.out.printf(
                "agent.manifest_bytes: %d plain, %d on the wire; agent.body_bytes: %d plain, %d on the wire%n",
                plainManifest, manifestOnTheWire, plainBodies, bodiesOnTheWire);
        assertThat(manifestOnTheWire)
                .as(
                        "the manifest, %d objects, %d bytes of JSON",
                        manifest.objects().size(), plainManifest)
                .isLessThan(plainManifest / 2);
        assertThat(bodiesOnTheWire)
                .as("the bodies, %d bytes of JSON (Base64 of gzip: less to gain)", plainBodies)
                .isLessThan(plainBodies * 9 / 10);
        var snapshot = snapshots.summary(committed.snapshotId()).orElseThrow();
        assertThat(snapshot.status()).isEqualTo(SnapshotStatus.COMPLETE);
        assertThat(snapshot.objects()).isEqualTo(manifest.objects().size());
    }

    @Test
    void a_request_that_inflates_past_the_limit_is_refused_with_a_message_saying_so() throws Exception {
        var agent = fixture.register();
        var bomb = GzipBomb.of("{\"signature\":\"x\",\"manifest\":", properties.maxRequestBytes() + (2 << 20));
        assertThat(bomb.length).as("a small request").isLessThan(1 << 20);
        var request = HttpRequest.newBuilder(URI.create(proxy.url() + "/api/v1/agent/pushes"))
                .header("Authorization", "Bearer " + agent.registration().credential())
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bomb))
                .build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body())
                .contains(
                        "The request to /api/v1/agent/pushes expands past 256 MiB once decompressed",
                        "clusterproof.snapshot.agent.max-request-bytes");
    }

    @Test
    void an_encoding_other_than_gzip_is_refused_by_name() throws Exception {
        var agent = fixture.register();
        var request = HttpRequest.newBuilder(URI.create(proxy.url() + "/api/v1/agent/pushes"))
                .header("Authorization", "Bearer " + agent.registration().credential())
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "br")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("Content-Encoding br is not supported");
    }
}
