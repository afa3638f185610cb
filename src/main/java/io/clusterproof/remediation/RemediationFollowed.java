package io.clusterproof.remediation;

import java.time.Instant;

/**
 * Remediation items followed an assessment of a cluster's main lineage: they were opened,
 * reopened, risk accepted or resolved as it showed, and that is committed.
 *
 * @param snapshotTakenAt when the assessed snapshot was taken: the date the items' changes carry
 */
public record RemediationFollowed(long assessmentId, long clusterId, Instant snapshotTakenAt) {}
