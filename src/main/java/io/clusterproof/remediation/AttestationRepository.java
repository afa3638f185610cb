package io.clusterproof.remediation;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface AttestationRepository extends ListCrudRepository<Attestation, Long> {

    List<Attestation> findByFrameworkIdAndControlRefOrderByAttestedAtDesc(String frameworkId, String controlRef);

    List<Attestation> findAllByOrderByAttestedAtDesc();
}
