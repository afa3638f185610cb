package io.clusterproof.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Forces a garbage collection every few hundred milliseconds while a measured step runs and keeps
 * the largest heap in use right after one: the memory the step really holds, which {@link
 * HeapSampler}'s figure (garbage included) bounds from above. It slows the step, so a benchmark
 * measures time in a separate run.
 */
final class LiveHeapSampler implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "live-heap-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong peak = new AtomicLong();
    private final long baseline;

    private LiveHeapSampler() {
        this.baseline = liveNow();
        peak.set(baseline);
        timer.scheduleWithFixedDelay(() -> peak.accumulateAndGet(liveNow(), Math::max), 0, 250, TimeUnit.MILLISECONDS);
    }

    static LiveHeapSampler start() {
        return new LiveHeapSampler();
    }

    /** Largest heap in use after a collection during the step, MiB. */
    double peakMiB() {
        return peak.get() / (1024.0 * 1024.0);
    }

    /** The same, above what was in use after a collection before the step, MiB. */
    double peakAboveBaselineMiB() {
        return (peak.get() - baseline) / (1024.0 * 1024.0);
    }

    private static long liveNow() {
        System.gc();
        var runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
