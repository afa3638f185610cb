package io.clusterproof.remediation;

import java.util.Set;
import java.util.TreeSet;

/**
 * The clusters an attestation covers: every cluster (an organisation-wide policy, which clusters
 * registered later inherit), or the clusters listed.
 */
public record AttestationScope(boolean organisationWide, Set<Long> clusterIds) {

    public AttestationScope {
        clusterIds = Set.copyOf(organisationWide ? Set.of() : new TreeSet<>(clusterIds));
    }

    public static AttestationScope organisation() {
        return new AttestationScope(true, Set.of());
    }

    public static AttestationScope clusters(Set<Long> clusterIds) {
        return new AttestationScope(false, clusterIds);
    }

    public boolean covers(long clusterId) {
        return organisationWide || clusterIds.contains(clusterId);
    }
}
