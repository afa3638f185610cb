package io.clusterproof.cli.agent;

import io.clusterproof.snapshot.AgentCollection;
import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.MockApiServer;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.SyntheticCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Many agents, each registered for a cluster of its own, pushing at once to one server over real
 * HTTP. Their clusters are served by a few fabric8 mock API servers ({@code agentsPerApiServer}
 * agents read the same one) of slightly different sizes, so most bodies are the same in every
 * cluster, as namespaces, roles and policies deployed from one chart are. Every agent registers and
 * collects before the start; then all push together from a thread pool released by one latch.
 */
public final class AgentFleet implements AutoCloseable {

    /** One agent, its cluster, and the collection it pushes. */
    public record Member(
            ClusterSummary cluster,
            int apiServer,
            AgentServer server,
            AgentState.Registration registration,
            AgentCollection collection) {

        public int objects() {
            return collection.manifest().objects().size();
        }
    }

    /** What the push of every agent together gave: failures name their agent's cluster. */
    public record Outcome(List<Long> snapshotIds, List<String> failures, Duration wall) {}

    private final List<MockApiServer> apiServers = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();

    /**
     * @param url the server the agents push to
     * @param directory where the agents keep their state and the kubeconfig files live
     */
    public AgentFleet(
            String url, TestClusters clusters, AgentService agents, Path directory, int size, int agentsPerApiServer) {
        for (int i = 0; i < size; i++) {
            if (i % agentsPerApiServer == 0) {
                var api = new MockApiServer();
                api.load(new SyntheticCluster(2 + apiServers.size() % 3, 2, 2).objects());
                apiServers.add(api);
            }
            int apiServer = apiServers.size() - 1;
            var fixture = new AgentFixture(url, clusters, agents, directory, "fleet-" + i, apiServers.get(apiServer));
            var agent = fixture.register();
            members.add(
                    new Member(fixture.cluster(), apiServer, agent.server(), agent.registration(), agent.collect()));
        }
    }

    public List<Member> members() {
        return members;
    }

    /** Every agent pushes its collection, all released at once; waits for the last one. */
    public Outcome pushAll() throws InterruptedException {
        var pool = Executors.newFixedThreadPool(members.size());
        var ready = new CountDownLatch(members.size());
        var start = new CountDownLatch(1);
        var done = new CountDownLatch(members.size());
        var failures = Collections.synchronizedList(new ArrayList<String>());
        var snapshots = Collections.synchronizedList(new ArrayList<Long>());
        try {
            for (var member : members) {
                pool.execute(() -> {
                    try {
                        ready.countDown();
                        start.await();
                        var report = new AgentPusher(member.server(), 500)
                                .push(member.collection(), member.registration().key());
                        snapshots.add(report.snapshotId());
                    } catch (RuntimeException | InterruptedException e) {
                        failures.add(member.cluster().name() + ": " + e);
                    } finally {
                        done.countDown();
                    }
                });
            }
            ready.await();
            long started = System.nanoTime();
            start.countDown();
            if (!done.await(10, TimeUnit.MINUTES)) {
                failures.add(done.getCount() + " agents had not finished after 10 minutes");
            }
            return new Outcome(
                    List.copyOf(snapshots), List.copyOf(failures), Duration.ofNanos(System.nanoTime() - started));
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        apiServers.forEach(MockApiServer::close);
    }
}
