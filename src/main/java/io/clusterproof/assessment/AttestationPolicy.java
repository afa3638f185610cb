package io.clusterproof.assessment;

import java.time.Instant;

/** Supplied by the module that keeps attestations: which attestation controls are covered at a time. */
public interface AttestationPolicy {

    ControlAttestations at(Instant asOf);
}
