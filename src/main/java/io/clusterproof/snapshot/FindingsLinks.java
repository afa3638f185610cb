package io.clusterproof.snapshot;

/**
 * Supplied by the assessment module, so that the snapshot browser can lead from an object to its
 * findings without snapshot knowing of assessment.
 */
public interface FindingsLinks {

    /** Where the findings of the object are shown, as assessed in that snapshot (a path of the application). */
    String forResource(long clusterId, long snapshotId, ResourceKey resource);
}
