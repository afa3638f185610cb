package io.clusterproof.demo;

import io.clusterproof.base.BaseProperties;
import io.clusterproof.snapshot.CollectionService;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** The demo's daily history for any test cluster, whether the demo is switched on or not. */
@Component
public class DemoHistories {

    private final DemoHistoryWriter writer;

    DemoHistories(CollectionService collections, BaseProperties base, Clock clock) {
        this.writer = new DemoHistoryWriter(collections, base, clock);
    }

    /** Backfills a snapshot a day for the past {@code days} days; needs an administrator's rights. */
    public void store(long clusterId, Path manifests, int days) {
        writer.store(clusterId, manifests, days);
    }
}
