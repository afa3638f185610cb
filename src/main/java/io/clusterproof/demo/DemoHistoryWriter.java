package io.clusterproof.demo;

import io.clusterproof.base.BaseProperties;
import io.clusterproof.snapshot.CollectionService;
import io.clusterproof.snapshot.ManifestContent;
import io.clusterproof.snapshot.ManifestObject;
import io.clusterproof.snapshot.ManifestReader;
import io.clusterproof.snapshot.Provenance;
import io.clusterproof.snapshot.RunTrigger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Backfills the demo cluster's past: one snapshot a day, at the daily collection time, each the
 * manifests of today with the bundled history's changes not yet made undone.
 */
class DemoHistoryWriter {

    private final CollectionService collections;
    private final BaseProperties base;
    private final Clock clock;

    DemoHistoryWriter(CollectionService collections, BaseProperties base, Clock clock) {
        this.collections = collections;
        this.base = base;
        this.clock = clock;
    }

    /** Stores one snapshot a day for the past {@code days} days; needs an administrator's rights. */
    void store(long clusterId, Path directory, int days) {
        var current = ManifestReader.read(List.of(directory)).objects().stream()
                .map(ManifestObject::object)
                .toList();
        var history = DemoHistory.bundled();
        var collectionTime = clock.instant()
                .atZone(base.timeZone())
                .truncatedTo(ChronoUnit.DAYS)
                .withHour(2);
        for (int daysAgo = days; daysAgo >= 1; daysAgo--) {
            var objects = history.stateAt(daysAgo, current).stream()
                    .map(o -> new ManifestObject(o, "demo history", 0))
                    .toList();
            collections.backfill(
                    clusterId,
                    collectionTime.minusDays(daysAgo).toInstant(),
                    new ManifestContent(objects, List.of()),
                    Provenance.manifests(directory.toAbsolutePath() + " (history, " + daysAgo + " days ago)"),
                    RunTrigger.DEMO);
        }
    }
}
