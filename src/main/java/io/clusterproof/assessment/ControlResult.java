package io.clusterproof.assessment;

import org.jspecify.annotations.Nullable;

/**
 * A control's status in one assessment, with the finding counts it was derived from.
 *
 * @param attestationId the attestation that makes it ATTESTED
 */
public record ControlResult(
        String frameworkId,
        String ref,
        ControlStatus status,
        int pass,
        int fail,
        int waived,
        int unknown,
        int error,
        @Nullable Long attestationId) {}
