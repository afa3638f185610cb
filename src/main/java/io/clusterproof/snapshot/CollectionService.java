package io.clusterproof.snapshot;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.NotPermittedException;
import io.clusterproof.base.Phrases;
import io.clusterproof.base.TooLargeException;
import io.clusterproof.base.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Starts collections (now, on schedule, from an upload) and reports on them. */
@Service
public class CollectionService {

    private final ClusterRepository clusters;
    private final CollectionRunRepository runs;
    private final RunBook runBook;
    private final SnapshotCollector collection;
    private final TaskExecutor executor;
    private final AuditLog auditLog;
    private final SnapshotProperties properties;
    private final Clock clock;

    CollectionService(
            ClusterRepository clusters,
            CollectionRunRepository runs,
            RunBook runBook,
            SnapshotCollector collection,
            @Qualifier("collectionExecutor") TaskExecutor executor,
            AuditLog auditLog,
            SnapshotProperties properties,
            Clock clock) {
        this.clusters = clusters;
        this.runs = runs;
        this.runBook = runBook;
        this.collection = collection;
        this.executor = executor;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a collection in the background; progress shows in {@link #latestRun}. */
    @RolesAllowed(Role.ADMIN_NAME)
    public RunSummary collectNow(long clusterId) {
        var run = start(clusterId, RunTrigger.MANUAL);
        auditLog.record(AuditEvent.of("COLLECTION_STARTED", "cluster", clusterName(clusterId)));
        return run;
    }

    /** Collects on the calling thread and returns the finished run, for work that goes on with its snapshot. */
    @RolesAllowed(Role.ADMIN_NAME)
    public RunSummary collectAndWait(long clusterId, RunTrigger trigger) {
        auditLog.record(AuditEvent.of("COLLECTION_STARTED", "cluster", clusterName(clusterId)));
        return collectAndWait(clusterId, trigger, AuditLog.currentActorName());
    }

    RunSummary collectAndWait(long clusterId, RunTrigger trigger, String requestedBy) {
        var run = runBook.start(clusterId, trigger, requestedBy);
        return collection.run(run, definition(clusterId));
    }

    /**
     * Stores objects read elsewhere as the cluster's snapshot taken at {@code takenAt}, in the past:
     * a backfill of states kept outside ClusterProof (an archive of dumps, a recorded history). Like
     * every snapshot it is redacted, stored once per content and then assessed.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public RunSummary backfill(
            long clusterId, Instant takenAt, ManifestContent content, Provenance source, RunTrigger trigger) {
        if (takenAt.isAfter(clock.instant())) {
            throw new UserFacingException(
                    "A backfilled snapshot must be taken in the past; " + takenAt + " is in the future.");
        }
        var run = runBook.start(clusterId, trigger, AuditLog.currentActorName());
        var snapshot = collection.store(run, takenAt, content, source);
        auditLog.record(AuditEvent.of("SNAPSHOT_BACKFILLED", "cluster", clusterName(clusterId))
                .withDetail("taken at " + takenAt + ", " + snapshot.objects() + " objects, " + source.describe()));
        return runBook.finish(run.id(), RunStatus.SUCCEEDED, snapshot.id(), "backfilled, taken at " + takenAt);
    }

    RunSummary start(long clusterId, RunTrigger trigger) {
        var run = runBook.start(clusterId, trigger, AuditLog.currentActorName());
        var definition = definition(clusterId);
        executor.execute(() -> collection.run(run, definition));
        return run.summary();
    }

    /**
     * Stores an uploaded dump (.yaml, .yml, .json, .tar.gz, .tgz) as a snapshot of the cluster, for
     * clusters ClusterProof cannot reach. The content is read as it arrives and reading stops at the
     * first configured limit passed ({@link SnapshotProperties#uploadLimits()}), whatever the
     * announced size said. Problems per document are kept with the snapshot.
     *
     * @param size the announced size, or -1 when unknown
     * @throws TooLargeException when the upload or what it expands to passes a limit
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.ENGINEER_NAME})
    public RunSummary upload(long clusterId, String fileName, long size, InputStream content) {
        var definition = definition(clusterId);
        if (definition.sourceType() != SourceType.UPLOAD && !currentUserIsAdmin()) {
            throw new NotPermittedException(definition.name() + " is collected by ClusterProof ("
                    + definition.sourceType().label() + ")"
                    + "; only an administrator may replace its record with an uploaded dump.");
        }
        if (size > properties.maxUploadBytes()) {
            throw new TooLargeException(fileName + " is " + ArchiveLimitsText.bytes(size)
                    + ", larger than the upload limit of " + ArchiveLimitsText.bytes(properties.maxUploadBytes())
                    + " (clusterproof.snapshot.max-upload-bytes).");
        }
        var lower = fileName.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".yaml")
                || lower.endsWith(".yml")
                || lower.endsWith(".json")
                || lower.endsWith(".tar.gz")
                || lower.endsWith(".tgz"))) {
            throw new UserFacingException(fileName + " is not a dump ClusterProof reads: upload .yaml, .yml, .json, "
                    + ".tar.gz or .tgz (for example the output of kubectl get -A -o yaml).");
        }
        var uploadedBy = AuditLog.currentActorName();
        var run = runBook.start(clusterId, RunTrigger.UPLOAD, uploadedBy);
        var digest = sha256();
        var limited = new CountingLimitStream(
                new DigestInputStream(content, digest),
                properties.maxUploadBytes(),
                fileName + " is larger than the upload limit of " + ArchiveLimitsText.bytes(properties.maxUploadBytes())
                        + " (clusterproof.snapshot.max-upload-bytes); reading stopped there.");
        try (limited) {
            var manifests = ManifestReader.read(fileName, limited, properties.uploadLimits());
            // the stored SHA-256 is that of the file as uploaded: read what the reader left, within the limit
            limited.transferTo(OutputStream.nullOutputStream());
            var sha256 = HexFormat.of().formatHex(digest.digest());
            if (manifests.objects().isEmpty()) {
                var reason = manifests.issues().isEmpty()
                        ? "it holds no Kubernetes objects"
                        : manifests.issues().get(0).source() + " "
                                + manifests.issues().get(0).message();
                return runBook.finish(run.id(), RunStatus.FAILED, null, fileName + " gave no objects: " + reason);
            }
            var offSource = definition.sourceType() != SourceType.UPLOAD;
            var snapshot = collection.store(
                    run, clock.instant(), manifests, Provenance.upload(uploadedBy, fileName, sha256, offSource));
            runBook.progress(run.id(), 1, 1, snapshot.objects());
            auditLog.record(AuditEvent.of("SNAPSHOT_UPLOADED", "cluster", clusterName(clusterId))
                    .withDetail(fileName + ", SHA-256 " + sha256 + ", " + snapshot.objects() + " objects"
                            + (offSource ? ", not the cluster's own source (verifies no remediation fix)" : "")));
            return runBook.finish(
                    run.id(),
                    RunStatus.SUCCEEDED,
                    snapshot.id(),
                    manifests.issues().isEmpty()
                            ? null
                            : Phrases.count(manifests.issues().size(), "document") + " had problems");
        } catch (TooLargeException e) {
            runBook.finish(run.id(), RunStatus.FAILED, null, e.getMessage());
            auditLog.record(AuditEvent.of("UPLOAD_REFUSED", "cluster", clusterName(clusterId))
                    .withDetail(e.getMessage()));
            throw e;
        } catch (IOException | RuntimeException e) {
            runBook.finish(run.id(), RunStatus.FAILED, null, fileName + " could not be stored: " + e.getMessage());
            throw new UserFacingException(fileName + " could not be stored: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean currentUserIsAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
    }

    /** The run with this id, if it belongs to that cluster. */
    @PermitAll
    public Optional<RunSummary> run(long clusterId, long runId) {
        return runs.findById(runId).filter(r -> r.clusterId() == clusterId).map(CollectionRun::summary);
    }

    @PermitAll
    public Optional<RunSummary> latestRun(long clusterId) {
        return runs.findFirstByClusterIdOrderByStartedAtDesc(clusterId).map(CollectionRun::summary);
    }

    @PermitAll
    public Page<RunSummary> runs(long clusterId, Pageable pageable) {
        return runs.findByClusterIdOrderByStartedAtDesc(clusterId, pageable).map(CollectionRun::summary);
    }

    private ClusterDefinition definition(long clusterId) {
        return clusters.findById(clusterId)
                .map(Cluster::definition)
                .orElseThrow(() -> new NotFoundException("Cluster " + clusterId + " does not exist."));
    }

    private String clusterName(long clusterId) {
        return clusters.findById(clusterId).map(Cluster::name).orElse(String.valueOf(clusterId));
    }
}
