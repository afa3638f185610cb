package io.clusterproof.drift;

import io.clusterproof.snapshot.ResourceKey;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An object that differs between two snapshots.
 *
 * @param fromDigest its body in the earlier snapshot, null when added
 * @param toDigest its body in the later snapshot, null when removed
 * @param controlled whether a workload controller owns it (a Pod of a ReplicaSet and such)
 * @param fields what differs, for a changed object; empty for added and removed ones, and for a
 *     changed one when only fields that change without a configuration change differ
 */
public record ResourceChange(
        ResourceKey key,
        ChangeType type,
        String apiVersion,
        @Nullable String fromDigest,
        @Nullable String toDigest,
        boolean controlled,
        List<FieldChange> fields) {

    /** A changed object whose difference is only churn (resource versions, timestamps, managed fields). */
    public boolean churnOnly() {
        return type == ChangeType.CHANGED && fields.isEmpty();
    }

    ResourceChange withFields(List<FieldChange> fields) {
        return new ResourceChange(key, type, apiVersion, fromDigest, toDigest, controlled, List.copyOf(fields));
    }
}
