package io.clusterproof.remediation;

import io.clusterproof.assessment.AttestationPolicy;
import io.clusterproof.assessment.ControlAttestations;
import java.time.Instant;
import java.util.HashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the assessment which controls an attestation covers for a cluster at a time (the newest
 * valid one whose scope includes the cluster).
 */
@Component
class AttestationRules implements AttestationPolicy {

    private final AttestationRepository attestations;

    AttestationRules(AttestationRepository attestations) {
        this.attestations = attestations;
    }

    @Override
    @Transactional(readOnly = true)
    public ControlAttestations at(long clusterId, Instant asOf) {
        var valid = new HashMap<String, Long>();
        for (var attestation : attestations.findAllByOrderByAttestedAtDesc()) {
            if (attestation.validAt(asOf) && attestation.covers(clusterId)) {
                valid.putIfAbsent(attestation.key(), attestation.id());
            }
        }
        return (framework, ref) -> valid.get(framework + "|" + ref);
    }
}
