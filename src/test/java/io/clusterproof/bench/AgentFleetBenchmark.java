package io.clusterproof.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.cli.agent.AgentFleet;
import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.WebIntegrationTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Fifty agents, each with a cluster of its own, push at once to one server over real HTTP: the
 * wall time from their common start until the last commit, and how many failed. The agents
 * register and collect before the start, so only the pushes are timed. Run with {@code ./mvnw
 * -Pbenchmark verify}.
 */
@WebIntegrationTest
class AgentFleetBenchmark {

    static final int AGENTS = Integer.getInteger("benchmark.agents", 50);

    @LocalServerPort
    int port;

    @Autowired
    TestClusters clusters;

    @Autowired
    AgentService agents;

    @TempDir
    Path directory;

    @Test
    void fifty_agents_push_at_once() throws Exception {
        try (var fleet = new AgentFleet("http://127.0.0.1:" + port, clusters, agents, directory, AGENTS, 5)) {
            var outcome = fleet.pushAll();

            var figures = new LinkedHashMap<String, Object>();
            figures.put("fleet.agents_concurrent", AGENTS);
            figures.put("fleet.agents_seconds", outcome.wall().toNanos() / 1e9);
            figures.put("fleet.agents_errors", outcome.failures().size());
            BenchmarkReport.put(figures);
            assertThat(outcome.failures()).isEmpty();
        }
    }
}
