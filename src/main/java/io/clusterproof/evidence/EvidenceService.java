package io.clusterproof.evidence;

import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.base.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Evidence on demand: CSVs and the PDF report streamed to the caller, evidence packs stored in the
 * locker, and the locker itself. Auditors, officers and administrators may generate and download;
 * engineers may not (evidence is the compliance record for auditors, and engineers see every
 * finding in the posture views already).
 */
@Service
@RolesAllowed({Role.AUDITOR_NAME, Role.OFFICER_NAME, Role.ADMIN_NAME})
public class EvidenceService {

    private final Exports exports;
    private final PackBuilder packs;
    private final ExportJobs jobs;
    private final Locker locker;
    private final EvidenceProperties properties;
    private final ExportMetrics metrics;

    EvidenceService(
            Exports exports,
            PackBuilder packs,
            ExportJobs jobs,
            Locker locker,
            EvidenceProperties properties,
            ExportMetrics metrics) {
        this.metrics = metrics;
        this.exports = exports;
        this.packs = packs;
        this.jobs = jobs;
        this.locker = locker;
        this.properties = properties;
    }

    /** Throws {@link InvalidExportException} naming the field, before anything is written. */
    public void validate(ExportRequest request) {
        exports.validate(request);
    }

    /** Streams a PDF or CSV export; a pack goes to the locker instead, see {@link #createPack}. */
    public void write(ExportRequest request, ExportFormat format, OutputStream out) {
        if (format == ExportFormat.PACK) {
            throw new IllegalArgumentException("packs are stored, not streamed: use createPack");
        }
        metrics.counted("api", format, () -> {
            exports.write(
                    format, exports.resolve(request), AuditLog.currentActorName(), exports.now(), out, Progress.NONE);
            return format;
        });
    }

    /** Builds a pack and stores it in the locker, on the calling thread. */
    public PackSummary createPack(ExportRequest request) {
        var actor = AuditLog.currentActorName();
        return metrics.counted(
                "api",
                ExportFormat.PACK,
                () -> packs.build(request, actor, actor, null, properties.retentionDays(), Progress.NONE));
    }

    /** Starts an export in the background; follow it with {@link #job}. */
    public ExportJob start(ExportRequest request, ExportFormat format) {
        return jobs.start(request, format, AuditLog.currentActorName());
    }

    /** The caller's own export job. */
    public Optional<ExportJob> job(UUID id) {
        return jobs.get(id, AuditLog.currentActorName());
    }

    /** The file of the caller's finished PDF or CSV export. */
    public InputStream openJobResult(UUID id) {
        return jobs.open(id, AuditLog.currentActorName());
    }

    public void discardJob(UUID id) {
        jobs.discard(id, AuditLog.currentActorName());
    }

    public Page<PackSummary> packs(Pageable pageable) {
        return locker.list(pageable);
    }

    public long countPacks() {
        return locker.count();
    }

    public Optional<PackSummary> pack(long id) {
        return locker.get(id);
    }

    public Optional<String> manifest(long id) {
        return locker.manifest(id);
    }

    /** Copies the pack's ZIP to the stream, byte for byte as stored. */
    public void download(long id, OutputStream out) {
        if (!locker.writeTo(id, out)) {
            throw new UserFacingException("There is no evidence pack " + id + ".");
        }
    }
}
