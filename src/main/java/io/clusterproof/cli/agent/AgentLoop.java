package io.clusterproof.cli.agent;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The agent's long run, on the calling thread: collects and pushes at once, then every interval,
 * and sooner when a poll says the server asked. When a push or a poll fails (the server cannot be
 * reached, or answers with an error), the agent says so, naming the server, and tries again after
 * 10 seconds, then twice as long each time up to five minutes; it says so when an exchange works
 * again. A refused credential ends the run (exit 3): retrying would not help. {@link #stop()} ends
 * it between two steps, with exit 0.
 */
final class AgentLoop {

    /** Waits between two steps; the real one wakes at once when the loop is stopped. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    private final String server;
    private final AgentServer api;
    private final IntSupplier collectAndPush;
    private final Duration interval;
    private final Duration poll;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final @Nullable Pause pause;

    /**
     * @param collectAndPush one collection and push; answers an {@link AgentCommand} exit code
     * @param pause how to wait between steps; null to wait in real time, waking early when stopped
     */
    AgentLoop(
            String server,
            AgentServer api,
            IntSupplier collectAndPush,
            Duration interval,
            Duration poll,
            PrintStream out,
            PrintStream err,
            Clock clock,
            @Nullable Pause pause) {
        this.server = server;
        this.api = api;
        this.collectAndPush = collectAndPush;
        this.interval = interval;
        this.poll = poll;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.pause = pause;
    }

    /** Ends the run once the step under way is done. */
    void stop() {
        stopped.countDown();
    }

    int run() {
        var nextCollection = clock.instant();
        var nextPoll = nextCollection.plus(poll);
        int failures = 0;
        while (stopped.getCount() > 0) {
            var now = clock.instant();
            boolean collect = !now.isBefore(nextCollection);
            if (!collect && !now.isBefore(nextPoll)) {
                try {
                    collect = api.collectionRequested();
                    if (collect) {
                        out.println("The server asked for a collection.");
                    }
                    failures = recovered(failures);
                    nextPoll = now.plus(poll);
                } catch (AgentServer.Failure e) {
                    err.println("clusterproof agent: poll failed: " + e.getMessage());
                    if (e.credentialRefused()) {
                        return AgentCommand.REFUSED;
                    }
                    failures++;
                    var wait = retryAfter(failures);
                    err.println("clusterproof agent: asking " + server + " again in " + text(wait) + " (attempt "
                            + (failures + 1) + ").");
                    nextPoll = now.plus(wait);
                }
            }
            if (collect && stopped.getCount() > 0) {
                var outcome = collectAndPush.getAsInt();
                if (outcome == AgentCommand.REFUSED) {
                    return AgentCommand.REFUSED;
                }
                if (outcome == 0) {
                    failures = recovered(failures);
                    nextCollection = now.plus(interval);
                } else {
                    failures++;
                    var wait = retryAfter(failures);
                    err.println("clusterproof agent: pushing to " + server + " again in " + text(wait) + " (attempt "
                            + (failures + 1) + ").");
                    nextCollection = now.plus(wait);
                }
                // a push that is waiting to be tried again is what matters; no poll before it
                nextPoll = latest(nextPoll, outcome == 0 ? now.plus(poll) : nextCollection);
            }
            var wait = Duration.between(clock.instant(), earliest(nextCollection, nextPoll));
            if (!wait.isNegative() && !wait.isZero() && !waitFor(wait)) {
                break;
            }
        }
        out.println("Stopped.");
        return 0;
    }

    private int recovered(int failures) {
        if (failures > 0) {
            out.println("The server at " + server + " answers again, after " + failures + " failed "
                    + (failures == 1 ? "attempt" : "attempts") + ".");
        }
        return 0;
    }

    /** False when the loop was stopped or interrupted while waiting. */
    private boolean waitFor(Duration wait) {
        try {
            if (pause == null) {
                return !stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
            pause.pause(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** 10 s, 20 s, 40 s, ... up to five minutes. */
    static Duration retryAfter(int failures) {
        var wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 16));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private static String text(Duration duration) {
        var seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
