package io.clusterproof.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code clusterproof_collection_seconds{cluster, outcome}} times every collection;
 * {@code clusterproof_collection_failures_total{cluster}} counts the failed ones.
 */
@Component
class CollectionMetrics {

    private final MeterRegistry registry;

    CollectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String cluster, RunStatus outcome, Duration duration) {
        Timer.builder("clusterproof.collection")
                .description("Time a collection took, by cluster and outcome")
                .tag("cluster", cluster)
                .tag("outcome", outcome.name().toLowerCase())
                .register(registry)
                .record(duration);
        var failures = Counter.builder("clusterproof.collection.failures")
                .description("Collections that failed, by cluster")
                .tag("cluster", cluster)
                .register(registry);
        if (outcome == RunStatus.FAILED) {
            failures.increment();
        }
    }
}
