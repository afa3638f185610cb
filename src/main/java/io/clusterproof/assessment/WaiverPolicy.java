package io.clusterproof.assessment;

import java.time.Instant;

/**
 * Supplied by the module that keeps waivers: which failing findings of a cluster are waived at a
 * given time. Defined here, so that assessment does not depend on remediation.
 */
public interface WaiverPolicy {

    FindingWaivers forCluster(long clusterId, Instant asOf);
}
