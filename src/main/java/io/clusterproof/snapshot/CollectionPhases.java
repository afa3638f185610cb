package io.clusterproof.snapshot;

import java.time.Duration;

/** How long a collection spent reading its source, and then storing its snapshot. */
record CollectionPhases(Duration read, Duration store) {

    /** Times the two phases: started now, reading until {@link #read()}, storing until {@link #stored()}. */
    static final class Stopwatch {

        private final long started = System.nanoTime();
        private long read;

        void read() {
            read = System.nanoTime();
        }

        CollectionPhases stored() {
            return new CollectionPhases(Duration.ofNanos(read - started), Duration.ofNanos(System.nanoTime() - read));
        }
    }

    /** A snapshot stored, and how long its two phases took. */
    record Stored(SnapshotSummary snapshot, CollectionPhases phases) {}
}
