package io.clusterproof.snapshot;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored snapshot, as lists and the API show it; {@code source} is its provenance in words. */
public record SnapshotSummary(
        long id,
        long clusterId,
        long runId,
        Instant takenAt,
        SnapshotStatus status,
        int objects,
        int added,
        int changed,
        int removed,
        long storedBytes,
        String digest,
        @Nullable String kubernetesVersion,
        String source,
        Provenance provenance) {}
