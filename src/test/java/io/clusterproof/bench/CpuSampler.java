package io.clusterproof.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Samples the CPU time of the whole process (every thread: the application's, the HTTP client's,
 * the garbage collector's and the JIT compiler's), and the time the garbage collector reports for
 * its collections, every few milliseconds while a measured step runs, so that the CPU a part of
 * the step used can be told afterwards from the times it began and ended. Divided by the elapsed
 * time, it says how many cores the part kept busy.
 */
final class CpuSampler implements AutoCloseable {

    private record Sample(long nanos, long cpuNanos, long gcMillis) {}

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "cpu-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Sample> samples = new ArrayList<>();

    private CpuSampler() {
        sample();
        timer.scheduleAtFixedRate(this::sample, 5, 5, TimeUnit.MILLISECONDS);
    }

    static CpuSampler start() {
        return new CpuSampler();
    }

    private synchronized void sample() {
        long gc = 0;
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, collector.getCollectionTime());
        }
        samples.add(new Sample(System.nanoTime(), OS.getProcessCpuTime(), gc));
    }

    /** Cores kept busy on average from {@code fromNanos} to {@code toNanos} ({@link System#nanoTime}). */
    synchronized double coresBusy(long fromNanos, long toNanos) {
        return (at(toNanos, Sample::cpuNanos) - at(fromNanos, Sample::cpuNanos)) / (toNanos - fromNanos);
    }

    /** Seconds the garbage collector reported for its collections from {@code fromNanos} to {@code toNanos}. */
    synchronized double gcSeconds(long fromNanos, long toNanos) {
        return (at(toNanos, Sample::gcMillis) - at(fromNanos, Sample::gcMillis)) / 1e3;
    }

    /** {@code figure} at {@code nanos}, between the two samples around it. */
    private double at(long nanos, ToLongFunction<Sample> figure) {
        var before = samples.get(0);
        for (var sample : samples) {
            if (sample.nanos() >= nanos) {
                if (sample.nanos() == before.nanos()) {
                    return figure.applyAsLong(sample);
                }
                double share = (double) (nanos - before.nanos()) / (sample.nanos() - before.nanos());
                return figure.applyAsLong(before) + share * (figure.applyAsLong(sample) - figure.applyAsLong(before));
            }
            before = sample;
        }
        throw new IllegalStateException("no sample after the moment asked for; close the sampler after the step");
    }

    /**
     * Waits until the process has kept less than {@code cores} busy for a whole {@code window}: the
     * work a step left behind (a commit's clean-up, the audit chain, the database's background
     * writer) is done, and the next step is measured alone. Gives up after {@code patience}, and
     * says so: then the next figures were taken on a busy process.
     */
    static void awaitQuiet(double cores, Duration window, Duration patience) {
        var last = new long[] {System.nanoTime(), OS.getProcessCpuTime()};
        try {
            Awaitility.await("a quiet process")
                    .pollDelay(window)
                    .pollInterval(window)
                    .atMost(patience)
                    .until(() -> {
                        var now = System.nanoTime();
                        var cpu = OS.getProcessCpuTime();
                        var busy = (double) (cpu - last[1]) / (now - last[0]);
                        last[0] = now;
                        last[1] = cpu;
                        return busy < cores;
                    });
        } catch (ConditionTimeoutException e) {
            System.err.println("the process was still busy after " + patience + "; measuring anyway");
        }
    }

    @Override
    public void close() {
        sample();
        timer.shutdownNow();
    }
}
