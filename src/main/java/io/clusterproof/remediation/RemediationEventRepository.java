package io.clusterproof.remediation;

import java.util.List;
import org.springframework.data.repository.Repository;

interface RemediationEventRepository extends Repository<RemediationEvent, Long> {

    RemediationEvent save(RemediationEvent event);

    List<RemediationEvent> findByItemIdOrderByOccurredAtAscIdAsc(long itemId);
}
