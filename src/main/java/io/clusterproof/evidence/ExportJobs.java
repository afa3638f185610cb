package io.clusterproof.evidence;

import io.clusterproof.base.UserFacingException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Exports started from the view: each runs on the evidence workers and reports its progress here,
 * where the view polls it. A PDF or CSV waits in a temporary file for its owner's download and is
 * deleted after {@code clusterproof.evidence.downloads-kept-for}; a pack goes to the locker.
 */
@Component
class ExportJobs {

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

    private final Exports exports;
    private final PackBuilder packs;
    private final EvidenceWorkers workers;
    private final EvidenceProperties properties;
    private final Clock clock;
    private final ExportMetrics metrics;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

    ExportJobs(
            Exports exports,
            PackBuilder packs,
            EvidenceWorkers workers,
            EvidenceProperties properties,
            Clock clock,
            ExportMetrics metrics) {
        this.metrics = metrics;
        this.exports = exports;
        this.packs = packs;
        this.workers = workers;
        this.properties = properties;
        this.clock = clock;
    }

    private static final class Job {
        final UUID id = UUID.randomUUID();
        final String owner;
        final ExportFormat format;
        final String fileName;
        volatile ExportJob.Status status = ExportJob.Status.RUNNING;
        volatile double progress;
        volatile String step = "Waiting for a free worker";
        volatile @Nullable String error;
        volatile @Nullable Long packId;
        volatile @Nullable Path file;
        volatile @Nullable Instant finishedAt;

        Job(String owner, ExportFormat format, String fileName) {
            this.owner = owner;
            this.format = format;
            this.fileName = fileName;
        }

        ExportJob view() {
            return new ExportJob(
                    id,
                    format,
                    status,
                    progress,
                    step,
                    error,
                    packId,
                    status == ExportJob.Status.SUCCEEDED && format != ExportFormat.PACK ? fileName : null);
        }
    }

    ExportJob start(ExportRequest request, ExportFormat format, String owner) {
        exports.validate(request);
        var job = new Job(owner, format, request.fileName(format));
        jobs.put(job.id, job);
        try {
            workers.execute(() -> run(job, request));
        } catch (UserFacingException e) {
            jobs.remove(job.id);
            throw e;
        }
        return job.view();
    }

    private void run(Job job, ExportRequest request) {
        Progress progress = (step, fraction) -> {
            job.step = step;
            job.progress = fraction;
        };
        try {
            if (job.format == ExportFormat.PACK) {
                job.packId = packs.build(request, job.owner, job.owner, null, properties.retentionDays(), progress)
                        .id();
            } else {
                var file = Files.createTempFile("evidence-export-", "." + job.format.extension());
                job.file = file;
                try (var out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                    exports.write(job.format, exports.resolve(request), job.owner, exports.now(), out, progress);
                }
            }
            job.progress = 1;
            job.step = "Done";
            job.status = ExportJob.Status.SUCCEEDED;
        } catch (UserFacingException e) {
            fail(job, e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.error("Export {} for {} failed", job.format, job.owner, e);
            fail(
                    job,
                    "The export failed: " + e.getMessage()
                            + ". Try again; if it fails again, the server log has the details.");
        } finally {
            job.finishedAt = clock.instant();
            metrics.record("ui", job.format, job.status == ExportJob.Status.SUCCEEDED);
        }
    }

    private static void fail(Job job, String message) {
        job.status = ExportJob.Status.FAILED;
        job.error = message;
        job.step = "Failed";
    }

    Optional<ExportJob> get(UUID id, String owner) {
        return Optional.ofNullable(jobs.get(id))
                .filter(j -> j.owner.equals(owner))
                .map(Job::view);
    }

    /** The finished file of the owner's PDF or CSV export. */
    InputStream open(UUID id, String owner) {
        var job = jobs.get(id);
        if (job == null || !job.owner.equals(owner) || job.file == null || job.status != ExportJob.Status.SUCCEEDED) {
            throw new UserFacingException("This export is no longer available: generate it again.");
        }
        try {
            return Files.newInputStream(job.file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void discard(UUID id, String owner) {
        var job = jobs.get(id);
        if (job != null && job.owner.equals(owner) && job.finishedAt != null) {
            remove(job);
        }
    }

    @Scheduled(fixedDelayString = "5m", initialDelayString = "5m")
    void deleteUnclaimedFiles() {
        var cutoff = clock.instant().minus(properties.downloadsKeptFor());
        jobs.values().stream()
                .filter(j -> j.finishedAt != null && j.finishedAt.isBefore(cutoff))
                .toList()
                .forEach(this::remove);
    }

    private void remove(Job job) {
        jobs.remove(job.id);
        var file = job.file;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
