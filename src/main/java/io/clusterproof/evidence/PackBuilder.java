package io.clusterproof.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds an evidence pack: the PDF report, both CSVs and the OSCAL assessment results (when a
 * cluster of the scope has an assessment) written to temporary files while their SHA-256 is
 * computed, {@code manifest.json} and {@code SHA256SUMS} listing them, all zipped and stored in
 * the locker with the ZIP's own SHA-256, and the creation audited. The temporary files are gone
 * afterwards, whatever happened.
 */
@Component
class PackBuilder {

    static final String REPORT = "evidence-report.pdf";
    static final String FINDINGS = "findings.csv";
    static final String CONTROLS = "control-matrix.csv";
    static final String OSCAL = "assessment-results.json";
    static final String MANIFEST = "manifest.json";
    static final String SUMS = "SHA256SUMS";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Exports exports;
    private final OscalExport oscal;
    private final Locker locker;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;

    PackBuilder(
            Exports exports,
            OscalExport oscal,
            Locker locker,
            AuditLog auditLog,
            PlatformTransactionManager transactionManager) {
        this.exports = exports;
        this.oscal = oscal;
        this.locker = locker;
        this.auditLog = auditLog;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * @param actor who the pack names as its author: a user, a token, or a schedule
     * @param auditActor who the audit log names: the user or token, or {@code system} for a schedule
     */
    PackSummary build(
            ExportRequest request,
            String actor,
            String auditActor,
            @Nullable Long scheduleId,
            int retentionDays,
            Progress progress) {
        var resolved = exports.resolve(request);
        var at = exports.now();
        Path directory = null;
        try {
            directory = Files.createTempDirectory("evidence-pack-");
            var files = new ArrayList<DigestingFile.Written>();
            files.add(write(directory, REPORT, ExportFormat.PDF, resolved, actor, at, progress.slice(0, 0.7)));
            files.add(write(
                    directory, FINDINGS, ExportFormat.FINDINGS_CSV, resolved, actor, at, progress.slice(0.7, 0.9)));
            files.add(write(directory, CONTROLS, ExportFormat.CONTROLS_CSV, resolved, actor, at, Progress.NONE));
            var assessmentResults = oscal.ofPack(resolved.scope(), resolved.extras());
            if (assessmentResults.isPresent()) {
                files.add(text(directory, OSCAL, JSON.writeValueAsString(assessmentResults.get()) + "\n"));
            }
            progress.report("Manifest and ZIP", 0.92);
            var manifestJson = manifest(resolved.scope(), files, actor, at);
            files.add(text(directory, MANIFEST, manifestJson));
            files.add(text(directory, SUMS, sums(files)));
            var zip = zip(directory, files, at);
            var pack = new PackSummary(
                    0,
                    request.fileName(ExportFormat.PACK),
                    request.frameworkId(),
                    resolved.scope().clusters().stream()
                            .map(ClusterEvidence::name)
                            .toList(),
                    request.from(),
                    request.to(),
                    at,
                    actor,
                    scheduleId,
                    zip.sha256(),
                    zip.size(),
                    at.plus(Duration.ofDays(retentionDays)));
            var id = transactions.execute(status -> {
                var stored = locker.store(pack, manifestJson, zip.path());
                auditLog.recordAs(
                        auditActor,
                        AuditEvent.of("EVIDENCE_PACK_CREATED", "evidence-pack", String.valueOf(stored))
                                .change(
                                        null,
                                        pack.fileName() + ", sha256 " + pack.sha256() + ", " + pack.sizeBytes()
                                                + " bytes, retained until " + pack.retainUntil())
                                .withDetail(scheduleId == null ? "generated by " + actor : "schedule " + scheduleId));
                return stored;
            });
            progress.report("Stored in the evidence locker", 1);
            return locker.get(Objects.requireNonNull(id, "the transaction returns the pack's id"))
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(directory);
        }
    }

    private DigestingFile.Written write(
            Path directory,
            String name,
            ExportFormat format,
            Exports.Resolved resolved,
            String actor,
            Instant at,
            Progress progress) {
        try (var file = new DigestingFile(directory, name)) {
            exports.write(format, resolved, actor, at, file.stream(), progress);
            return file.finish();
        }
    }

    private static DigestingFile.Written text(Path directory, String name, String content) throws IOException {
        try (var file = new DigestingFile(directory, name)) {
            file.stream().write(content.getBytes(StandardCharsets.UTF_8));
            return file.finish();
        }
    }

    private String manifest(ReportScope scope, List<DigestingFile.Written> files, String actor, Instant at)
            throws IOException {
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("format", "clusterproof-evidence-pack/1");
        var framework = scope.framework();
        manifest.put(
                "framework", ordered("id", framework.id(), "name", framework.name(), "version", framework.version()));
        manifest.put(
                "period",
                ordered(
                        "from", scope.from().toString(),
                        "to", scope.to().toString(),
                        "timeZone", scope.zone().getId(),
                        "start", scope.start().toString(),
                        "end", scope.end().toString()));
        manifest.put("generatedAt", at.toString());
        manifest.put("generatedBy", actor);
        manifest.put("catalogDigest", scope.catalogDigest());
        // the audit log as it stood: a later change to an older entry breaks the chain up to this head
        manifest.put("auditChainHead", auditLog.chainHead());
        var clusters = new ArrayList<Map<String, Object>>();
        for (var cluster : scope.clusters()) {
            var entry = ordered("id", cluster.cluster().id(), "name", cluster.name());
            if (cluster.assessed()) {
                var assessment = cluster.requireAssessment();
                var snapshot = cluster.requireSnapshot();
                entry.put("assessmentId", assessment.id());
                entry.put("assessedAt", assessment.assessedAt().toString());
                entry.put("assessmentCatalogDigest", assessment.catalogDigest());
                entry.put("snapshotId", snapshot.id());
                entry.put("snapshotDigest", snapshot.digest());
                entry.put("snapshotTakenAt", snapshot.takenAt().toString());
                entry.put("partial", assessment.partial());
            } else {
                entry.put("assessmentId", null);
                entry.put("note", "no assessment before the period ended");
            }
            clusters.add(entry);
        }
        manifest.put("clusters", clusters);
        manifest.put(
                "files",
                files.stream()
                        .map(f -> ordered("name", f.name(), "sha256", f.sha256(), "size", f.size()))
                        .toList());
        return JSON.writeValueAsString(manifest) + "\n";
    }

    /** The format {@code sha256sum -c} reads: digest, two spaces, file name. */
    private static String sums(List<DigestingFile.Written> files) {
        var out = new StringBuilder();
        files.forEach(f -> out.append(f.sha256()).append("  ").append(f.name()).append('\n'));
        return out.toString();
    }

    private static DigestingFile.Written zip(Path directory, List<DigestingFile.Written> files, Instant at)
            throws IOException {
        try (var file = new DigestingFile(directory, "pack.zip")) {
            try (var zip = new ZipOutputStream(new NonClosing(file.stream()))) {
                for (var entry : files) {
                    var zipEntry = new ZipEntry(entry.name());
                    zipEntry.setTime(at.toEpochMilli());
                    zip.putNextEntry(zipEntry);
                    Files.copy(entry.path(), zip);
                    zip.closeEntry();
                }
            }
            return file.finish();
        }
    }

    private static LinkedHashMap<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void deleteQuietly(@Nullable Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            directory.toFile().deleteOnExit();
        }
    }

    /** ZipOutputStream closes what it wraps; the digesting file must be finished by its owner. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
