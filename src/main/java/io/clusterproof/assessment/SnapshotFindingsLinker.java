package io.clusterproof.assessment;

import io.clusterproof.snapshot.FindingsLinks;
import io.clusterproof.snapshot.ResourceKey;
import org.springframework.stereotype.Component;

/** Gives the snapshot browser its link from an object to the object's findings. */
@Component
class SnapshotFindingsLinker implements FindingsLinks {

    @Override
    public String forResource(long clusterId, long snapshotId, ResourceKey resource) {
        return PostureLinks.resourceInSnapshot(clusterId, snapshotId, resource);
    }
}
