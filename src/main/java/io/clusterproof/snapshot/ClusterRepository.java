package io.clusterproof.snapshot;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ClusterRepository extends ListCrudRepository<Cluster, Long> {

    Optional<Cluster> findByName(String name);

    boolean existsByName(String name);

    List<Cluster> findAllByOrderByNameAsc();

    @Query("select c from Cluster c where c.enabled = true and c.nextRunAt is not null and c.nextRunAt <= :now")
    List<Cluster> findDue(Instant now);

    /** Serialises "start a collection" per cluster across threads and replicas. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Cluster c where c.id = :id")
    Optional<Cluster> lockById(long id);
}
