package io.clusterproof.drift;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotSummary;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit baselines: an officer or administrator names a snapshot ("PCI audit Q3 2026") as the
 * reference that drift "since baseline" compares the latest snapshot with. Names are unique per
 * cluster; marking and removing are audited.
 */
@Service
@Transactional
public class BaselineService {

    static final int MAX_NAME = 100;
    static final int MAX_NOTE = 1000;

    private final BaselineRepository baselines;
    private final SnapshotReader snapshots;
    private final ClusterService clusters;
    private final AuditLog auditLog;
    private final Clock clock;

    BaselineService(
            BaselineRepository baselines,
            SnapshotReader snapshots,
            ClusterService clusters,
            AuditLog auditLog,
            Clock clock) {
        this.baselines = baselines;
        this.snapshots = snapshots;
        this.clusters = clusters;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @RolesAllowed({Role.OFFICER_NAME, Role.ADMIN_NAME})
    public BaselineSummary mark(long snapshotId, String name, @Nullable String note) {
        var snapshot = snapshots
                .summary(snapshotId)
                .orElseThrow(() -> new UserFacingException("Snapshot " + snapshotId + " does not exist."));
        var trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new UserFacingException(
                    "Give the baseline a name of 1 to " + MAX_NAME + " characters, such as \"PCI audit Q3 2026\".");
        }
        var cleanNote = note == null || note.isBlank() ? null : note.trim();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new UserFacingException("Keep the note under " + MAX_NOTE + " characters.");
        }
        if (baselines.existsByClusterIdAndNameIgnoreCase(snapshot.clusterId(), trimmed)) {
            throw new UserFacingException("This cluster already has a baseline named \"" + trimmed
                    + "\". Choose another name, or remove that baseline first.");
        }
        var baseline = baselines.save(new Baseline(
                snapshot.clusterId(), snapshotId, trimmed, cleanNote, AuditLog.currentActorName(), clock.instant()));
        auditLog.record(AuditEvent.of("BASELINE_MARKED", "baseline", String.valueOf(baseline.id()))
                .change(null, baseline.auditState(clusterName(snapshot.clusterId()), snapshot.takenAt())));
        return baseline.summary(snapshot.takenAt());
    }

    @RolesAllowed({Role.OFFICER_NAME, Role.ADMIN_NAME})
    public void remove(long baselineId) {
        var baseline = baselines
                .findById(baselineId)
                .orElseThrow(() -> new UserFacingException("Baseline " + baselineId + " does not exist any more."));
        var takenAt = takenAt(baseline.snapshotId());
        baselines.delete(baseline);
        auditLog.record(AuditEvent.of("BASELINE_REMOVED", "baseline", String.valueOf(baselineId))
                .change(baseline.auditState(clusterName(baseline.clusterId()), takenAt), null));
    }

    /** The cluster's baselines, most recently marked first. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<BaselineSummary> list(long clusterId) {
        return baselines.findByClusterIdOrderByMarkedAtDescIdDesc(clusterId).stream()
                .map(b -> b.summary(takenAt(b.snapshotId())))
                .toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<BaselineSummary> get(long baselineId) {
        return baselines.findById(baselineId).map(b -> b.summary(takenAt(b.snapshotId())));
    }

    /** The baseline marked most recently: the one "since baseline" means when none is named. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<BaselineSummary> current(long clusterId) {
        return list(clusterId).stream().findFirst();
    }

    private Instant takenAt(long snapshotId) {
        return snapshots.summary(snapshotId).map(SnapshotSummary::takenAt).orElse(Instant.EPOCH);
    }

    private String clusterName(long clusterId) {
        return clusters.get(clusterId).map(c -> c.name()).orElse("#" + clusterId);
    }
}
