package io.clusterproof.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Listens to the garbage collector while a measured step runs and keeps the largest heap in use
 * right after a collection: after a full collection that is what the step really held (live
 * objects only); after a young one it still counts garbage already promoted, so it bounds the
 * live heap from above. Unlike {@link LiveHeapSampler} it forces no collection and does not slow
 * the step.
 */
final class GcHeapWatcher implements AutoCloseable {

    private final AtomicLong peakAfterFull = new AtomicLong();
    private final AtomicLong peakAfterAny = new AtomicLong();
    private final AtomicLong fullCollections = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final NotificationListener listener = (notification, handback) -> {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        // the collector reports every memory pool; the heap is only some of them (not metaspace, code)
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
        peakAfterAny.accumulateAndGet(used, Math::max);
        if (info.getGcAction().contains("major")) {
            fullCollections.incrementAndGet();
            peakAfterFull.accumulateAndGet(used, Math::max);
        }
    };

    private GcHeapWatcher() {
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    static GcHeapWatcher start() {
        return new GcHeapWatcher();
    }

    /** Largest heap in use after a full collection during the step, MiB; 0 when none ran. */
    double peakLiveMiB() {
        return peakAfterFull.get() / (1024.0 * 1024.0);
    }

    /** Largest heap in use after any collection during the step, MiB. */
    double peakAfterAnyCollectionMiB() {
        return peakAfterAny.get() / (1024.0 * 1024.0);
    }

    long fullCollections() {
        return fullCollections.get();
    }

    @Override
    public void close() {
        for (var emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
