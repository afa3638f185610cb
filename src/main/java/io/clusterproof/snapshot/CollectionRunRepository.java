package io.clusterproof.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CollectionRunRepository extends ListCrudRepository<CollectionRun, Long> {

    boolean existsByClusterIdAndStatus(long clusterId, RunStatus status);

    Optional<CollectionRun> findFirstByClusterIdOrderByStartedAtDesc(long clusterId);

    /**
     * The id of each cluster's latest run, as {@link #findFirstByClusterIdOrderByStartedAtDesc}
     * finds it, in one query (an index probe a cluster); the runs themselves are then read by id.
     */
    @Query(value = """
            select (select r.id from collection_run r where r.cluster_id = c.id
                    order by r.started_at desc, r.id desc fetch first 1 rows only)
            from cluster c
            """, nativeQuery = true)
    List<@Nullable Long> findLatestIdOfEachCluster();

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
