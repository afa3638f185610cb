package io.clusterproof.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code clusterproof_collection_seconds{cluster, outcome}} times every collection;
 * {@code clusterproof_collection_failures_total{cluster}} counts the failed ones;
 * {@code clusterproof_collection_phase_seconds{cluster, phase}} splits the collections that got as
 * far as storing into reading the source ({@code read}: listing, parsing, redacting, normalising,
 * digesting and packing) and storing the snapshot in its transaction ({@code store}), so a slow
 * collection points at the cluster's API or at the database.
 */
@Component
class CollectionMetrics {

    private final MeterRegistry registry;

    CollectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void phases(String cluster, CollectionPhases phases) {
        phase(cluster, "read", phases.read());
        phase(cluster, "store", phases.store());
    }

    private void phase(String cluster, String phase, Duration duration) {
        Timer.builder("clusterproof.collection.phase")
                .description("Time a collection spent reading its source and storing its snapshot, by cluster")
                .tag("cluster", cluster)
                .tag("phase", phase)
                .register(registry)
                .record(duration);
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
