package io.clusterproof.remediation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface RemediationItemRepository extends ListCrudRepository<RemediationItem, Long> {

    @Query("""
            select i from RemediationItem i where i.clusterId = :clusterId and i.checkId = :checkId and i.apiGroup = :group
              and i.kind = :kind and i.namespace = :namespace and i.name = :name
            """)
    Optional<RemediationItem> findFor(
            long clusterId, String checkId, String group, String kind, String namespace, String name);

    Page<RemediationItem> findAll(Specification<RemediationItem> filter, Pageable pageable);

    long count(Specification<RemediationItem> filter);

    List<RemediationItem> findAll(Specification<RemediationItem> filter);

    @Query("select distinct i.team from RemediationItem i where i.team is not null order by i.team")
    List<String> teams();
}
