package io.clusterproof.bench;

import java.util.Arrays;

/** Summaries of repeated timings, in milliseconds. */
final class Durations {

    private Durations() {}

    static double medianMillis(long[] nanos) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    static double maxMillis(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0) / 1e6;
    }
}
