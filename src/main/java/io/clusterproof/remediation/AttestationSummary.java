package io.clusterproof.remediation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An attestation of a control; {@code valid} = in force now. */
public record AttestationSummary(
        long id,
        String frameworkId,
        String controlRef,
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
        boolean valid) {}
