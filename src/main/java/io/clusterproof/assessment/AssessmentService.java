package io.clusterproof.assessment;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.SnapshotReader;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

/** Assessments on demand. The ones after each snapshot run by themselves. */
@Service
public class AssessmentService {

    private final AssessmentRunner runner;
    private final SnapshotReader snapshots;
    private final Catalog catalog;
    private final AuditLog auditLog;

    AssessmentService(AssessmentRunner runner, SnapshotReader snapshots, Catalog catalog, AuditLog auditLog) {
        this.runner = runner;
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.auditLog = auditLog;
    }

    /**
     * Assesses a stored snapshot again with the current catalog, waivers and attestations. The
     * new result is kept beside the original, which does not change.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME})
    public long reassess(long snapshotId) {
        var snapshot = snapshots
                .summary(snapshotId)
                .orElseThrow(() -> new NotFoundException("Snapshot " + snapshotId + " does not exist."));
        var id = runner.reassess(snapshotId, AuditLog.currentActorName());
        auditLog.record(AuditEvent.of("SNAPSHOT_REASSESSED", "snapshot", String.valueOf(snapshot.id()))
                .withDetail(
                        "assessment " + id + " with catalog " + catalog.digest().substring(0, 12)));
        return id;
    }

    /** Assesses the latest snapshot again with today's waivers and attestations (they changed). */
    public void refresh(long clusterId) {
        runner.refresh(clusterId);
    }

    /** Brings the cluster's main lineage up to its latest snapshot; returns how many were assessed. */
    public int catchUp(long clusterId) {
        return runner.assessPending(clusterId);
    }
}
