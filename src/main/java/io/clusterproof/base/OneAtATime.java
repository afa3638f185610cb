package io.clusterproof.base;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Lets callers through one at a time, in the order they came, or all at once when not limited.
 * For work whose memory grows with the data and is held in this JVM's heap: two such pieces of
 * work at once may not fit where one does. Not reentrant: a caller must not ask again while inside.
 */
public final class OneAtATime {

    private final @Nullable Semaphore turn;

    private OneAtATime(@Nullable Semaphore turn) {
        this.turn = turn;
    }

    /** One at a time when {@code limited}, else no limit at all. */
    public static OneAtATime when(boolean limited) {
        return new OneAtATime(limited ? new Semaphore(1, true) : null);
    }

    public <T> T run(Supplier<T> work) {
        if (turn == null) {
            return work.get();
        }
        turn.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            turn.release();
        }
    }

    /** How many callers are waiting for their turn now. */
    public int waiting() {
        return turn == null ? 0 : turn.getQueueLength();
    }
}
