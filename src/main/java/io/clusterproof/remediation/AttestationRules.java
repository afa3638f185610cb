package io.clusterproof.remediation;

import io.clusterproof.assessment.AttestationPolicy;
import io.clusterproof.assessment.ControlAttestations;
import java.time.Instant;
import java.util.HashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the assessment which attestation controls an attestation covers at a time (newest valid one). */
@Component
class AttestationRules implements AttestationPolicy {

    private final AttestationRepository attestations;

    AttestationRules(AttestationRepository attestations) {
        this.attestations = attestations;
    }

    @Override
    @Transactional(readOnly = true)
    public ControlAttestations at(Instant asOf) {
        var valid = new HashMap<String, Long>();
        for (var attestation : attestations.findAllByOrderByAttestedAtDesc()) {
            if (attestation.validAt(asOf)) {
                valid.putIfAbsent(attestation.key(), attestation.id());
            }
        }
        return (framework, ref) -> valid.get(framework + "|" + ref);
    }
}
