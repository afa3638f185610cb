package io.clusterproof.access;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Deliberately not a CrudRepository: entries can be added and read, never changed or removed. */
interface AuditEntryRepository extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    /** Served by Spring Data's base implementation; dynamic filters keep every parameter typed. */
    Page<AuditEntry> findAll(Specification<AuditEntry> filter, Pageable pageable);

    @Query("select distinct e.action from AuditEntry e order by e.action")
    List<String> distinctActions();

    @Query("select distinct e.targetType from AuditEntry e order by e.targetType")
    List<String> distinctTargetTypes();
}
