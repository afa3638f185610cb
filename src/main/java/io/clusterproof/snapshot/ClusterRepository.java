package io.clusterproof.snapshot;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ClusterRepository extends ListCrudRepository<Cluster, Long> {

    Optional<Cluster> findByName(String name);

    boolean existsByName(String name);

    List<Cluster> findAllByOrderByNameAsc();

    @Query("select c from Cluster c where c.enabled = true and c.nextRunAt is not null and c.nextRunAt <= :now")
    List<Cluster> findDue(Instant now);

    /**
     * Moves a due cluster to its next run, but only if no one else did since it was read: the one
     * replica whose update counts 1 starts the scheduled collection.
     */
    @Modifying
    @Query("update Cluster c set c.nextRunAt = :next, c.version = c.version + 1"
            + " where c.id = :id and c.nextRunAt = :expected")
    int claimRun(long id, Instant expected, @Nullable Instant next);

    /** Serialises "start a collection" per cluster across threads and replicas. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Cluster c where c.id = :id")
    Optional<Cluster> lockById(long id);
}
