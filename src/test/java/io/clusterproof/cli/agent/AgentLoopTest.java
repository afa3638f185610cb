package io.clusterproof.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.MockApiServer;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotStatus;
import io.clusterproof.snapshot.SnapshotSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.SyntheticCluster;
import io.clusterproof.support.WebIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agent's long run against the test's server over real HTTP, through a proxy that can take the
 * server away. Time is the test's: the loop's waits advance a clock instead of sleeping, and the
 * test acts at those waits as an administrator, a cluster and an outage would.
 */
@WebIntegrationTest
class AgentLoopTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClusters clusters;

    @Autowired
    AgentService agents;

    @Autowired
    SnapshotReader snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path directory;

    private final MockApiServer api = new MockApiServer();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private CountingProxy proxy;
    private AgentFixture fixture;

    @BeforeEach
    void anAgentClusterAndAProxyInFrontOfTheServer() throws IOException {
        api.load(new SyntheticCluster(2, 2, 2).objects());
        proxy = new CountingProxy(port);
        fixture = new AgentFixture(proxy.url(), clusters, agents, directory, "loop", api);
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        api.close();
    }

    @Test
    void the_agent_pushes_when_asked_and_every_interval_and_retries_through_an_outage_until_stopped() {
        var clock = new TestClock(midWeek());
        var pauses = new ArrayList<Duration>();
        var command = new AgentCommand[1];
        var acted = new LinkedHashMap<String, Boolean>();
        AgentLoop.Pause script = wait -> {
            pauses.add(wait);
            clock.advance(wait);
            var stored = stored().size();
            if (stored == 1 && once(acted, "asked")) {
                AsAdmin.admin(() -> agents.requestCollection(fixture.cluster().id()));
            } else if (stored == 2 && once(acted, "changed")) {
                api.load(List.of(configMap("added-between-pushes")));
            } else if (stored == 3 && once(acted, "down")) {
                outage(true);
            } else if (stored == 3
                    && errors().contains("pushing to " + proxy.url() + " again in")
                    && once(acted, "up")) {
                outage(false);
            } else if (stored == 4) {
                command[0].stop();
            }
        };
        command[0] =
                new AgentCommand(options("--interval", "10m", "--poll", "1m"), print(out), print(err), clock, script);

        var exit = command[0].run();

        var said = output() + errors();
        assertThat(exit).as(said).isZero();
        assertThat(acted).as(said).containsOnlyKeys("asked", "changed", "down", "up");
        var stored = stored();
        assertThat(stored).hasSize(4);
        assertThat(stored.get(2).objects())
                .as("the interval's push saw the object added after the one before")
                .isEqualTo(stored.get(1).objects() + 1);
        assertThat(stored.get(1).takenAt())
                .as("the server's request was answered at the next poll, a minute in")
                .isEqualTo(stored.get(0).takenAt().plus(Duration.ofMinutes(1)));
        assertThat(stored.get(2).takenAt()).isEqualTo(stored.get(1).takenAt().plus(Duration.ofMinutes(10)));
        assertThat(pauses)
                .as("waits between attempts double from ten seconds")
                .containsSubsequence(
                        Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80));
        assertThat(errors())
                .contains(
                        "poll failed: the server at " + proxy.url() + " could not be reached",
                        "asking " + proxy.url() + " again in 10s (attempt 2)",
                        "push failed: the server at " + proxy.url() + " could not be reached",
                        "pushing to " + proxy.url() + " again in");
        assertThat(output())
                .contains("The server asked for a collection.", "The server at " + proxy.url() + " answers again")
                .endsWith("Stopped.\n");
        assertThat(output())
                .as("the long run reads again only what the API server wrote since the last push")
                .contains(
                        stored.get(0).objects() + " not written since the last push, so not read again.",
                        stored.get(1).objects() + " not written since the last push, so not read again.");
    }

    @Test
    void a_server_that_lacks_the_bodies_of_objects_the_agent_kept_gets_a_collection_that_reads_every_object() {
        var clock = new TestClock(midWeek());
        var command = new AgentCommand[1];
        var acted = new LinkedHashMap<String, Boolean>();
        AgentLoop.Pause script = wait -> {
            clock.advance(wait);
            var stored = stored();
            if (stored.size() == 1 && once(acted, "restored")) {
                // as after the server's database was restored from before that push: the server no
                // longer holds the cluster's objects, while the agent remembers having pushed them
                jdbc.update(
                        "update resource_state set valid_to = ? where cluster_id = ? and valid_to is null",
                        stored.get(0).id(),
                        fixture.cluster().id());
            } else if (stored.size() == 2) {
                command[0].stop();
            }
        };
        command[0] =
                new AgentCommand(options("--interval", "10m", "--poll", "1h"), print(out), print(err), clock, script);

        var exit = command[0].run();

        var said = output() + errors();
        assertThat(exit).as(said).isZero();
        assertThat(output())
                .containsPattern("The server lacks \\d+ bodies of objects not read again since the last push; "
                        + "reading every object\\.");
        var stored = stored();
        assertThat(stored).as(said).hasSize(2);
        assertThat(stored.get(1).status()).isEqualTo(SnapshotStatus.COMPLETE);
        assertThat(stored.get(1).added()).isEqualTo(stored.get(0).objects());
        assertThat(stored.get(1).digest()).isEqualTo(stored.get(0).digest());
    }

    @Test
    void a_stop_wakes_the_waiting_agent_and_ends_its_run() throws Exception {
        var command = new AgentCommand(
                options("--interval", "1h", "--poll", "1h"), print(out), print(err), Clock.systemUTC(), null);
        var pool = Executors.newSingleThreadExecutor();
        try {
            var exit = pool.submit(() -> command.run());
            await("the first push").atMost(Duration.ofMinutes(1)).until(() -> stored().size() == 1);

            command.stopAndWait(Duration.ofSeconds(30));

            assertThat(exit.get(30, TimeUnit.SECONDS)).as(errors()).isZero();
            assertThat(output()).endsWith("Stopped.\n");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A start at least two days ago, in the middle of a week counted from the Unix epoch:
     * the agent reads every object afresh once such a week, and the test's pushes, minutes apart,
     * must not straddle one.
     */
    private static Instant midWeek() {
        var week = Duration.ofDays(7).toSeconds();
        var middle = Instant.ofEpochSecond(Instant.now().getEpochSecond() / week * week)
                .plus(Duration.ofDays(3).plusHours(12));
        return middle.isAfter(Instant.now().minus(Duration.ofDays(2))) ? middle.minus(Duration.ofDays(7)) : middle;
    }

    private AgentOptions options(String... schedule) {
        var token = fixture.registrationToken();
        var args = new ArrayList<>(List.of(
                "--server",
                proxy.url(),
                "--state",
                directory.resolve("state").toString(),
                "--kubeconfig",
                fixture.kubeconfig().toString()));
        args.addAll(List.of(schedule));
        return AgentOptions.parse(args, Map.of("CLUSTERPROOF_AGENT_TOKEN", token));
    }

    private List<SnapshotSummary> stored() {
        return snapshots.list(fixture.cluster().id(), PageRequest.of(0, 10)).getContent().stream()
                .sorted(Comparator.comparing(SnapshotSummary::takenAt))
                .toList();
    }

    private void outage(boolean down) {
        try {
            if (down) {
                proxy.down();
            } else {
                proxy.up();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(proxy.reachable()).as("the server is reachable").isEqualTo(!down);
    }

    private static boolean once(Map<String, Boolean> acted, String what) {
        return acted.putIfAbsent(what, true) == null;
    }

    private static Map<String, Object> configMap(String name) {
        var object = new LinkedHashMap<String, Object>();
        object.put("apiVersion", "v1");
        object.put("kind", "ConfigMap");
        object.put("metadata", new LinkedHashMap<>(Map.of("name", name, "namespace", "ns-0", "uid", "u-" + name)));
        object.put("data", new LinkedHashMap<>(Map.of("setting", "on")));
        return object;
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A clock the loop's waits move forward. */
    static final class TestClock extends Clock {

        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
