package io.clusterproof.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the used heap every few milliseconds while a measured step runs. The figure includes
 * garbage not yet collected, so it is an upper bound of what the step needed.
 */
final class HeapSampler implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong peak = new AtomicLong();
    private final long baseline;

    private HeapSampler() {
        System.gc();
        this.baseline = used();
        peak.set(baseline);
        timer.scheduleAtFixedRate(() -> peak.accumulateAndGet(used(), Math::max), 0, 5, TimeUnit.MILLISECONDS);
    }

    static HeapSampler start() {
        return new HeapSampler();
    }

    /** Peak heap used during the step, MiB. */
    double peakMiB() {
        peak.accumulateAndGet(used(), Math::max);
        return peak.get() / (1024.0 * 1024.0);
    }

    /** Peak above what was in use before the step, MiB. */
    double peakAboveBaselineMiB() {
        return (peak.get() - baseline) / (1024.0 * 1024.0);
    }

    private static long used() {
        var runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
