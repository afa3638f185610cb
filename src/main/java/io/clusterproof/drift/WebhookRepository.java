package io.clusterproof.drift;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface WebhookRepository extends ListCrudRepository<Webhook, Long> {

    List<Webhook> findAllByOrderByNameAsc();

    List<Webhook> findByEnabledTrueOrderByName();

    boolean existsByNameIgnoreCase(String name);
}
