package io.clusterproof.snapshot;

import java.util.List;

/**
 * A whole snapshot for assessment: every object not controlled by another (pods of a ReplicaSet
 * and such are listed by key only, since their controller carries the template), and the kinds
 * that are missing.
 */
public record SnapshotContents(
        SnapshotSummary snapshot,
        List<StoredObject> objects,
        List<ResourceRow> controlled,
        List<MissingKind> missingKinds) {}
