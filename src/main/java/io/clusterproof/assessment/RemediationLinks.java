package io.clusterproof.assessment;

import io.clusterproof.snapshot.ResourceKey;
import java.util.Optional;

/** Supplied by the remediation module, so that a finding can point at its item without assessment knowing of it. */
public interface RemediationLinks {

    Optional<RemediationLink> forFinding(long clusterId, String checkId, ResourceKey resource);
}
