package io.clusterproof.drift;

import java.time.Duration;

/** The wait before the next attempt: the retry interval, doubled after each further failure, up to a cap. */
final class Backoff {

    private Backoff() {}

    /** @param attempts attempts made so far, at least one */
    static Duration after(int attempts, Duration first, Duration max) {
        var wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
