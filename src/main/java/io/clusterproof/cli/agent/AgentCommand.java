package io.clusterproof.cli.agent;

import io.clusterproof.snapshot.AgentCollection;
import io.clusterproof.snapshot.AgentKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    private final AgentOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    AgentCommand(AgentOptions options, PrintStream out, PrintStream err, Clock clock) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.clock = clock;
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
        return new AgentCommand(options, out, err, Clock.systemUTC()).run();
    }

    int run() {
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
        return runOnSchedule(server, registration);
    }

    /** Collects every interval and whenever a poll says the server asked; stops only when refused. */
    private int runOnSchedule(AgentServer server, AgentState.Registration registration) {
        var stopped = new CountDownLatch(1);
        var outcome = new AtomicInteger(0);
        var work = Executors.newSingleThreadScheduledExecutor();
        Runnable collect = () -> {
            if (collectAndPush(server, registration) == REFUSED) {
                outcome.set(REFUSED);
                stopped.countDown();
            }
        };
        work.scheduleWithFixedDelay(collect, 0, options.interval().toMillis(), TimeUnit.MILLISECONDS);
        work.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (server.collectionRequested()) {
                            out.println("The server asked for a collection.");
                            collect.run();
                        }
                    } catch (AgentServer.Failure e) {
                        err.println("clusterproof agent: poll failed: " + e.getMessage());
                        if (e.credentialRefused()) {
                            outcome.set(REFUSED);
                            stopped.countDown();
                        }
                    }
                },
                options.poll().toMillis(),
                options.poll().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            work.shutdownNow();
        }
        return outcome.get();
    }

    int collectAndPush(AgentServer server, AgentState.Registration registration) {
        try {
            var collection =
                    AgentCollection.collect(registration.clusterId(), options.kubeconfig(), options.context(), clock);
            var report = new AgentPusher(server, 500).push(collection, registration.key());
            out.println("Pushed snapshot " + report.snapshotId() + ": " + report.objects() + " objects, "
                    + report.bodiesSent() + " bodies sent (" + report.status() + ").");
            return 0;
        } catch (AgentServer.Failure e) {
            err.println("clusterproof agent: push failed: " + e.getMessage());
            return e.credentialRefused() ? REFUSED : FAILED;
        } catch (IllegalStateException e) {
            err.println("clusterproof agent: collection failed: " + e.getMessage());
            return FAILED;
        }
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
