package io.clusterproof.evidence;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Supplied by the module that keeps attestations: the attestations of a framework's controls that
 * were valid at any moment of a period. Without a bean the report says that none are recorded.
 */
public interface AttestationsInForce {

    /** Attestations of the framework's controls valid at any time in {@code [from, to)}, ordered by control. */
    List<Attestation> inForce(String frameworkId, Instant from, Instant to);

    /**
     * A person's statement that an attestation control is met.
     *
     * @param id the id control results carry as {@code attestationId}
     * @param covers the clusters it covers, in words ("every cluster (organisation-wide)" or names)
     * @param evidence where the supporting document is kept (a link or a document number), if given
     */
    record Attestation(
            long id,
            String frameworkId,
            String controlRef,
            String covers,
            String statement,
            String attestedBy,
            Instant attestedAt,
            Instant expiresAt,
            @Nullable String evidence) {}
}
