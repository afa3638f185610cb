package io.clusterproof.remediation;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface WaiverRepository extends ListCrudRepository<Waiver, Long> {

    @Query(
            "select w from Waiver w where w.status = io.clusterproof.remediation.WaiverStatus.APPROVED and w.expiresAt > :after")
    List<Waiver> approvedExpiringAfter(Instant after);

    Page<Waiver> findAllByOrderByRequestedAtDesc(Pageable pageable);

    Page<Waiver> findByStatusOrderByRequestedAtDesc(WaiverStatus status, Pageable pageable);
}
