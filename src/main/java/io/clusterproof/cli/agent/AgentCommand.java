package io.clusterproof.cli.agent;

import io.clusterproof.snapshot.AgentCollection;
import io.clusterproof.snapshot.AgentKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code agent}: registers once with a registration token, then collects the cluster and pushes
 * signed snapshots, once or every {@code --interval}, and sooner when the server asks at a poll.
 * Exit codes: 0 done, 1 a collection or push failed, 2 usage, 3 the server refused the agent's
 * token or credential (register again).
 */
public final class AgentCommand {

    static final String USAGE = """
              java -jar clusterproof.jar agent --server URL [--state DIR] [--token-file FILE] [--register]
                                               [--kubeconfig FILE [--context NAME]] [--interval 1h] [--poll 1m] [--once]
            """;

    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;
    static final int REFUSED = 3;

    /** Kubernetes kills a pod 30 seconds after SIGTERM by default. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(25);

    private final AgentOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final AgentLoop.@Nullable Pause pause;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile @Nullable AgentLoop loop;
    /**
     * What the last pushed collection read: a long run's next collection keeps what has not changed.
     * Nothing after a failed step, so that the next collection reads every object.
     */
    private AgentCollection.Reads lastPushed = AgentCollection.Reads.NONE;

    /** @param pause how the long run waits; null to wait in real time */
    AgentCommand(AgentOptions options, PrintStream out, PrintStream err, Clock clock, AgentLoop.@Nullable Pause pause) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.pause = pause;
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("clusterproof agent: " + e.getMessage());
            err.print("Usage:\n" + USAGE);
            return USAGE_ERROR;
        }
        var command = new AgentCommand(options, out, err, Clock.systemUTC(), null);
        if (!options.once() && !options.registerOnly()) {
            // a stopped pod (SIGTERM) ends the run between two steps, not half way through a push
            Runtime.getRuntime().addShutdownHook(new Thread(() -> command.stopAndWait(STOP_PATIENCE), "agent-stop"));
        }
        return command.run();
    }

    int run() {
        try {
            return runRegistered();
        } finally {
            finished.countDown();
        }
    }

    private int runRegistered() {
        AgentState.Registration registration;
        try {
            registration = registration();
        } catch (AgentServer.Failure e) {
            err.println("clusterproof agent: registration failed: " + e.getMessage());
            return e.credentialRefused() ? REFUSED : FAILED;
        } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("clusterproof agent: " + e.getMessage());
            return USAGE_ERROR;
        }
        if (options.registerOnly()) {
            out.println("Registered for cluster " + registration.clusterId() + "; state in " + options.state() + ".");
            return 0;
        }
        var server = new AgentServer(options.server()).withCredential(registration.credential());
        if (options.once()) {
            return collectAndPush(server, registration);
        }
        var scheduled = new AgentLoop(
                options.server(),
                server,
                () -> collectAndPush(server, registration),
                options.interval(),
                options.poll(),
                out,
                err,
                clock,
                pause);
        loop = scheduled;
        if (stopRequested) {
            scheduled.stop();
        }
        return scheduled.run();
    }

    /** Ends a long run between two steps; returns once it has ended, or after {@code patience}. */
    void stopAndWait(Duration patience) {
        stop();
        try {
            finished.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends a long run between two steps, without waiting. */
    void stop() {
        stopRequested = true;
        var running = loop;
        if (running != null) {
            running.stop();
        }
    }

    int collectAndPush(AgentServer server, AgentState.Registration registration) {
        var since = lastPushed;
        // used up by this collection; what it read takes its place once it is pushed
        lastPushed = AgentCollection.Reads.NONE;
        try {
            var pusher = new AgentPusher(server, 500);
            var collection = collect(registration, since);
            AgentPusher.Report report;
            try {
                report = pusher.push(collection, registration.key());
            } catch (AgentPusher.BodiesNotRead e) {
                out.println("The server lacks " + e.count() + " bodies of objects not read again since the last "
                        + "push; reading every object.");
                collection = collect(registration, AgentCollection.Reads.NONE);
                report = pusher.push(collection, registration.key());
            }
            // a run of its own (--once) ends here: nothing to keep for
            lastPushed = options.once() ? AgentCollection.Reads.NONE : collection.reads();
            var kept = collection.keptUnchanged();
            out.println("Pushed snapshot " + report.snapshotId() + ": " + report.objects() + " objects, "
                    + report.bodiesSent() + " bodies sent (" + report.status() + ")"
                    + (kept > 0 ? "; " + kept + " not written since the last push, so not read again." : "."));
            return 0;
        } catch (AgentServer.Failure e) {
            err.println("clusterproof agent: push failed: " + e.getMessage());
            return e.credentialRefused() ? REFUSED : FAILED;
        } catch (IllegalStateException e) {
            err.println("clusterproof agent: collection failed: " + e.getMessage());
            return FAILED;
        } catch (AgentPusher.BodiesNotRead e) {
            // only when the server lacks bodies even of a collection that read every object
            err.println("clusterproof agent: push failed: " + e.getMessage());
            return FAILED;
        }
    }

    private AgentCollection collect(AgentState.Registration registration, AgentCollection.Reads since) {
        return AgentCollection.collect(registration.clusterId(), options.kubeconfig(), options.context(), clock, since);
    }

    private AgentState.Registration registration() {
        var state = new AgentState(options.state());
        var saved = state.registration();
        if (saved.isPresent()) {
            return saved.get();
        }
        var token = token();
        var keys = AgentKeys.generate();
        var registered = new AgentServer(options.server()).register(token, AgentKeys.encode(keys.getPublic()));
        state.save(registered.clusterId(), registered.credential(), keys);
        out.println("Registered as the agent of " + registered.clusterName() + ", key fingerprint "
                + registered.keyFingerprint() + "; state kept in " + state.directory() + ".");
        return state.registration().orElseThrow();
    }

    private String token() {
        if (options.tokenFile() != null) {
            try {
                return Files.readString(options.tokenFile()).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("--token-file " + options.tokenFile() + " cannot be read");
            }
        }
        if (options.token() != null && !options.token().isBlank()) {
            return options.token().strip();
        }
        throw new IllegalArgumentException("this agent has not registered yet (no credential in " + options.state()
                + "): give its registration token with --token-file or CLUSTERPROOF_AGENT_TOKEN");
    }
}
