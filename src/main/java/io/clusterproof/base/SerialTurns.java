package io.clusterproof.base;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * Work that must run one at a time per key (per cluster) and catch up with everything pending.
 * A thread that finds the key busy only notes that there is more to do and returns; the busy
 * thread runs again before it lets go. So a burst of events ties up one thread, not one per event.
 */
public final class SerialTurns {

    private static final class Turn {
        final ReentrantLock lock = new ReentrantLock();
        final AtomicBoolean pending = new AtomicBoolean();
    }

    private final Map<Long, Turn> turns = new ConcurrentHashMap<>();

    /** Runs {@code drain} (which returns how much it did) until nothing is pending for the key. */
    public int run(long key, IntSupplier drain) {
        var turn = turns.computeIfAbsent(key, k -> new Turn());
        turn.pending.set(true);
        int done = 0;
        while (turn.pending.get() && turn.lock.tryLock()) {
            try {
                while (turn.pending.getAndSet(false)) {
                    done += drain.getAsInt();
                }
            } finally {
                turn.lock.unlock();
            }
        }
        return done;
    }
}
