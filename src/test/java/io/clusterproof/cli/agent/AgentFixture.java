package io.clusterproof.cli.agent;

import io.clusterproof.snapshot.AgentCollection;
import io.clusterproof.snapshot.AgentKeys;
import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.MockApiServer;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A cluster that an agent reads from a fabric8 mock API server and pushes to the test's server:
 * the cluster registered there as an agent cluster (under a unique name starting with {@code
 * prefix}), a kubeconfig pointing at the mock API server, registration tokens issued by an
 * administrator, and agents registered with a fresh key, their state saved as the agent command
 * saves it. The caller owns the mock API server and closes it.
 */
final class AgentFixture {

    /** A registered agent as its state directory holds it, talking to the server with its credential. */
    record Agent(AgentState.Registration registration, AgentServer server, Path kubeconfig) {

        PrivateKey key() {
            return registration.key();
        }

        AgentPusher pusher(int batchSize) {
            return new AgentPusher(server, batchSize);
        }

        /** Collects from the mock API server for the cluster the agent registered for, as the agent does. */
        AgentCollection collect() {
            return AgentCollection.collect(registration.clusterId(), kubeconfig, null, Clock.systemUTC());
        }

        /** Collects as a long-running agent does after pushing what {@code since} read. */
        AgentCollection collect(AgentCollection.Reads since) {
            return AgentCollection.collect(registration.clusterId(), kubeconfig, null, Clock.systemUTC(), since);
        }
    }

    private final String url;
    private final AgentService agents;
    private final Path directory;
    private final ClusterSummary cluster;
    private final Path kubeconfig;

    /**
     * @param url the server the agent talks to: the test's server, or a proxy in front of it
     * @param directory where the kubeconfig and the agents' state are written
     */
    AgentFixture(
            String url, TestClusters clusters, AgentService agents, Path directory, String prefix, MockApiServer api) {
        this.url = url;
        this.agents = agents;
        this.directory = directory;
        this.cluster = clusters.agent(prefix);
        this.kubeconfig = api.kubeconfig(directory);
    }

    ClusterSummary cluster() {
        return cluster;
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    /** A single-use registration token with the server's default lifetime. */
    String registrationToken() {
        return registrationToken(null);
    }

    String registrationToken(@Nullable Duration lifetime) {
        return AsAdmin.admin(() -> agents.createRegistration(cluster.id(), lifetime))
                .token();
    }

    /** Registers a new agent with a new key and a new token, and saves its state. */
    Agent register() {
        var keys = AgentKeys.generate();
        var registered = new AgentServer(url).register(registrationToken(), AgentKeys.encode(keys.getPublic()));
        var state = new AgentState(directory.resolve("state-" + cluster.id()));
        state.save(registered.clusterId(), registered.credential(), keys);
        var registration = state.registration().orElseThrow();
        return new Agent(registration, new AgentServer(url).withCredential(registration.credential()), kubeconfig);
    }
}
