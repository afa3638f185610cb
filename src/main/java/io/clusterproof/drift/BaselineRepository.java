package io.clusterproof.drift;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface BaselineRepository extends ListCrudRepository<Baseline, Long> {

    List<Baseline> findByClusterIdOrderByMarkedAtDescIdDesc(long clusterId);

    boolean existsByClusterIdAndNameIgnoreCase(long clusterId, String name);
}
