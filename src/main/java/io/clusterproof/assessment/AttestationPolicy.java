package io.clusterproof.assessment;

import java.time.Instant;

/**
 * Supplied by the module that keeps attestations: which controls are attested for a cluster at a
 * time. Only attestations whose scope includes the cluster count.
 */
public interface AttestationPolicy {

    ControlAttestations at(long clusterId, Instant asOf);
}
