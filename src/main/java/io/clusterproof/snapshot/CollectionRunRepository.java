package io.clusterproof.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CollectionRunRepository extends ListCrudRepository<CollectionRun, Long> {

    boolean existsByClusterIdAndStatus(long clusterId, RunStatus status);

    Optional<CollectionRun> findFirstByClusterIdOrderByStartedAtDesc(long clusterId);

    Page<CollectionRun> findByClusterIdOrderByStartedAtDesc(long clusterId, Pageable pageable);

    @Modifying
    @Query("""
            update CollectionRun r set r.status = io.clusterproof.snapshot.RunStatus.INTERRUPTED,
                   r.finishedAt = :now, r.message = 'The process stopped during this run; nothing of it was stored.'
            where r.status = io.clusterproof.snapshot.RunStatus.RUNNING and r.heartbeatAt < :staleBefore
            """)
    int markInterrupted(Instant staleBefore, Instant now);

    @Modifying
    @Query("""
            update CollectionRun r set r.heartbeatAt = :now
            where r.id = :runId and r.status = io.clusterproof.snapshot.RunStatus.RUNNING
            """)
    int beat(long runId, Instant now);

    List<CollectionRun> findByStatus(RunStatus status);
}
