package io.clusterproof.remediation;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An attestation of a control; {@code valid} = in force now.
 *
 * @param organisationWide it covers every cluster, including those registered later
 * @param clusterIds the clusters it covers when not organisation-wide
 * @param scope the scope in words, with the clusters' names
 */
public record AttestationSummary(
        long id,
        String frameworkId,
        String controlRef,
        boolean organisationWide,
        Set<Long> clusterIds,
        String scope,
        String statement,
        @Nullable String evidenceUrl,
        @Nullable String evidenceFileName,
        @Nullable String evidenceContentType,
        @Nullable Long evidenceSize,
        @Nullable String evidenceDigest,
        String attestedBy,
        Instant attestedAt,
        Instant expiresAt,
        @Nullable String revokedBy,
        @Nullable Instant revokedAt,
        boolean valid) {

    /** Whether it counts for this cluster's assessments. */
    public boolean covers(long clusterId) {
        return organisationWide || clusterIds.contains(clusterId);
    }
}
