package io.clusterproof.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Hands a collector's objects to a {@link SnapshotBuilder} on a thread of its own, a batch at a
 * time, so that one batch is redacted, normalised, digested and packed while the collector
 * fetches and parses the next page. Only that thread touches the builder, and only until {@link
 * #awaitAccepted} returns; at most a few batches wait, so a slow builder slows the collector
 * instead of filling the heap. A failure of the builder is thrown to the collector at its next
 * hand-over.
 */
final class PipelinedSink implements ObjectSink, AutoCloseable {

    private static final int BATCH = 250;
    private static final int WAITING = 4;

    private final SnapshotBuilder builder;
    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(WAITING);
    private final Thread worker;
    private volatile boolean stopped;
    private volatile @Nullable Throwable failure;
    private List<Map<String, Object>> batch = new ArrayList<>(BATCH);

    PipelinedSink(SnapshotBuilder builder, String name) {
        this.builder = builder;
        this.worker = new Thread(this::work, "snapshot-builder " + name);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void readingFrom(@Nullable String serverVersion) {
        handOver();
        put(() -> building(() -> builder.readingFrom(serverVersion)));
    }

    @Override
    public void serverChanged() {
        handOver();
        put(() -> building(builder::serverChanged));
    }

    @Override
    public void accept(Map<String, Object> object) {
        batch.add(object);
        if (batch.size() >= BATCH) {
            handOver();
        }
    }

    @Override
    public void discard(String group, String kind) {
        handOver();
        put(() -> building(() -> builder.discard(group, kind)));
    }

    /** Waits until the builder has taken every object handed over; it is the caller's again after. */
    @Override
    public void awaitAccepted() {
        handOver();
        var done = new CountDownLatch(1);
        put(done::countDown);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnreachableException("collection was interrupted");
        }
        rethrow();
    }

    @Override
    public void close() {
        stopped = true;
        worker.interrupt();
    }

    private void handOver() {
        if (batch.isEmpty()) {
            return;
        }
        var objects = batch;
        batch = new ArrayList<>(BATCH);
        put(() -> building(() -> objects.forEach(builder::accept)));
    }

    private void put(Runnable task) {
        rethrow();
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnreachableException("collection was interrupted");
        }
    }

    private void rethrow() {
        var error = failure;
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
    }

    private void work() {
        while (!stopped) {
            Runnable task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            task.run();
        }
    }

    /**
     * Once the builder failed, what was handed over after is dropped: the collection fails anyway.
     * An error (a stack overflow on a deeply nested object, memory) is kept too, so that this
     * thread goes on taking hand-overs and the collector is told instead of waiting for ever.
     */
    private void building(Runnable work) {
        if (failure != null) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }
}
