package io.clusterproof.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.evidence.EvidenceService;
import io.clusterproof.evidence.ExportFormat;
import io.clusterproof.evidence.ExportRequest;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.SyntheticCluster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The PDF report with at least 10,000 failing findings and a findings CSV of at least 100,000
 * rows, both from a synthetic cluster collected and assessed by the application itself, written
 * to files the way packs and downloads are. Run with {@code ./mvnw -Pbenchmark verify}.
 */
@IntegrationTest
class ExportBenchmark {

    static final int OBJECTS = Integer.getInteger("benchmark.export-objects", 24_000);

    @Autowired
    TestClusters clusters;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    EvidenceService evidence;

    @Autowired
    Catalog catalog;

    @TempDir
    Path dir;

    @Test
    void a_pdf_with_ten_thousand_failing_findings_and_a_csv_of_a_hundred_thousand_rows() throws Exception {
        var objects = SyntheticCluster.ofSize(OBJECTS).objects();
        var manifests = Files.createDirectories(dir.resolve("manifests"));
        new ObjectMapper()
                .writeValue(
                        manifests.resolve("cluster.json").toFile(),
                        Map.of("apiVersion", "v1", "kind", "List", "items", objects));
        var cluster = clusters.manifests("bench-export", manifests);
        var assessmentId = clusters.latestAssessment(clusters.collect(cluster).snapshotId());
        // the framework with the most failing findings: the report's heaviest case
        var score = assessments.scores(assessmentId).stream()
                .max(Comparator.comparingInt(s -> s.findings().fail()))
                .orElseThrow();
        var today = LocalDate.now(ZoneOffset.UTC);
        var request = new ExportRequest(List.of(cluster.id()), score.frameworkId(), today.minusDays(7), today);
        write(ExportFormat.CONTROLS_CSV, request, dir.resolve("warm-up.csv"));

        double pdfSeconds;
        double pdfPeak;
        double pdfAbove;
        var pdf = dir.resolve("report.pdf");
        try (var heap = HeapSampler.start()) {
            var started = System.nanoTime();
            write(ExportFormat.PDF, request, pdf);
            pdfSeconds = (System.nanoTime() - started) / 1e9;
            pdfPeak = heap.peakMiB();
            pdfAbove = heap.peakAboveBaselineMiB();
        }

        double pdfLive;
        double pdfLiveAbove;
        try (var live = LiveHeapSampler.start()) {
            write(ExportFormat.PDF, request, dir.resolve("report-again.pdf"));
            pdfLive = live.peakMiB();
            pdfLiveAbove = live.peakAboveBaselineMiB();
        }

        double csvSeconds;
        double csvPeak;
        var csv = dir.resolve("findings.csv");
        try (var heap = HeapSampler.start()) {
            var started = System.nanoTime();
            write(ExportFormat.FINDINGS_CSV, request, csv);
            csvSeconds = (System.nanoTime() - started) / 1e9;
            csvPeak = heap.peakAboveBaselineMiB();
        }
        double csvLiveAbove;
        try (var live = LiveHeapSampler.start()) {
            write(ExportFormat.FINDINGS_CSV, request, dir.resolve("findings-again.csv"));
            csvLiveAbove = live.peakAboveBaselineMiB();
        }
        long csvRows;
        try (var lines = Files.lines(csv)) {
            // records may span lines; count record starts: every record begins with the framework id
            csvRows = lines.filter(l -> l.startsWith(score.frameworkId() + ",")).count();
        }

        var figures = new LinkedHashMap<String, Object>();
        figures.put("export.snapshot_objects", objects.size());
        figures.put("export.framework", score.frameworkId());
        figures.put("export.pdf_failing_findings", score.findings().fail());
        figures.put("export.pdf_seconds", pdfSeconds);
        figures.put("export.pdf_peak_heap_mib", pdfPeak);
        figures.put("export.pdf_peak_heap_above_baseline_mib", pdfAbove);
        figures.put("export.pdf_live_heap_peak_mib", pdfLive);
        figures.put("export.pdf_live_heap_above_baseline_mib", pdfLiveAbove);
        figures.put("export.pdf_bytes", Files.size(pdf));
        figures.put("export.csv_rows", csvRows);
        figures.put("export.csv_seconds", csvSeconds);
        figures.put("export.csv_rows_per_second", csvRows / csvSeconds);
        figures.put("export.csv_peak_heap_above_baseline_mib", csvPeak);
        figures.put("export.csv_live_heap_above_baseline_mib", csvLiveAbove);
        figures.put("export.csv_bytes", Files.size(csv));
        BenchmarkReport.put(figures);
        assertThat(score.findings().fail()).as("failing findings in the PDF").isGreaterThanOrEqualTo(10_000);
        assertThat(csvRows).as("rows of the findings CSV").isGreaterThanOrEqualTo(100_000);
    }

    private void write(ExportFormat format, ExportRequest request, Path file) {
        AsAdmin.as("bench", "AUDITOR", () -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                evidence.write(request, format, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }
}
