package io.clusterproof.remediation;

import java.time.Instant;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/** A waiver as views, reports and the API show it; {@code active} = approved and not expired now. */
public record WaiverSummary(
        long id,
        String checkId,
        @Nullable Long clusterId,
        @Nullable String namespace,
        @Nullable String kind,
        @Nullable String namePattern,
        String justification,
        String ticketUrl,
        Instant expiresAt,
        WaiverStatus status,
        String requestedBy,
        Instant requestedAt,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String decisionNote,
        @Nullable String revokedBy,
        @Nullable Instant revokedAt,
        @Nullable String revokeNote,
        boolean active) {

    /** The scope in words: {@code privileged-container on cluster 3, namespace payments, Deployment api-*}. */
    public String scope() {
        return scope(id -> "cluster " + id);
    }

    /** What it covers, for people, with each cluster named by {@code clusterName}. */
    public String scope(LongFunction<String> clusterName) {
        return checkId
                + (clusterId == null ? " on every cluster" : " on " + clusterName.apply(clusterId))
                + (namespace == null ? "" : ", namespace " + namespace)
                + (kind == null ? "" : ", " + kind)
                + (namePattern == null ? "" : " " + namePattern);
    }
}
