package io.clusterproof.evidence.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.base.BaseProperties;
import io.clusterproof.evidence.EvidenceProperties;
import io.clusterproof.evidence.EvidenceService;
import io.clusterproof.evidence.ExportFormat;
import io.clusterproof.evidence.ExportRequest;
import io.clusterproof.evidence.InvalidExportException;
import io.clusterproof.evidence.PackSummary;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence for tools and cron jobs, with an API token: list and download the packs in the
 * locker, create a pack, and stream a CSV or the PDF report. Exports take {@code cluster} (a
 * cluster name, repeatable; all clusters when absent), {@code framework}, and the period
 * {@code from}/{@code to} (ISO dates, both included; by default the last
 * {@code clusterproof.evidence.default-period-days} days up to today). Errors are problem details.
 */
@RestController
@RequestMapping("/api/v1/evidence")
class EvidenceController {

    private static final int MAX_PAGE_SIZE = 500;
    private static final Map<String, ExportFormat> EXPORTS = Map.of(
            "findings.csv", ExportFormat.FINDINGS_CSV,
            "control-matrix.csv", ExportFormat.CONTROLS_CSV,
            "report.pdf", ExportFormat.PDF);

    private final EvidenceService evidence;
    private final ClusterService clusters;
    private final EvidenceProperties properties;
    private final BaseProperties base;
    private final ObjectMapper json;
    private final Clock clock;

    EvidenceController(
            EvidenceService evidence,
            ClusterService clusters,
            EvidenceProperties properties,
            BaseProperties base,
            ObjectMapper json,
            Clock clock) {
        this.evidence = evidence;
        this.clusters = clusters;
        this.properties = properties;
        this.base = base;
        this.json = json;
        this.clock = clock;
    }

    /** A page of packs, newest first. */
    record PackPage(List<PackSummary> content, int page, int size, long totalElements) {}

    /** A pack with its manifest. */
    record PackDetails(PackSummary pack, JsonNode manifest) {}

    @GetMapping("/packs")
    PackPage packs(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidExportException("page", "page must be 0 or more.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidExportException("size", "size must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        var result = evidence.packs(PageRequest.of(page, size));
        return new PackPage(result.getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/packs/{id}")
    PackDetails pack(@PathVariable long id) throws JsonProcessingException {
        var pack = evidence.pack(id).orElseThrow(() -> new PackNotFoundException(id));
        return new PackDetails(pack, json.readTree(evidence.manifest(id).orElse("{}")));
    }

    @GetMapping("/packs/{id}/download")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        var pack = evidence.pack(id).orElseThrow(() -> new PackNotFoundException(id));
        response.setContentType(ExportFormat.PACK.contentType());
        response.setContentLengthLong(pack.sizeBytes());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(pack.fileName()));
        response.setHeader("X-Content-SHA256", pack.sha256());
        evidence.download(id, response.getOutputStream());
    }

    @PostMapping("/packs")
    @ResponseStatus(HttpStatus.CREATED)
    PackSummary createPack(
            @RequestParam(name = "cluster", required = false) @Nullable List<String> cluster,
            @RequestParam String framework,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return evidence.createPack(request(cluster, framework, from, to));
    }

    /** The findings CSV, the control matrix CSV or the PDF report for the period, streamed. */
    @GetMapping("/{file:findings\\.csv|control-matrix\\.csv|report\\.pdf}")
    void export(
            @Parameter(schema = @Schema(allowableValues = {"findings.csv", "control-matrix.csv", "report.pdf"}))
                    @PathVariable
                    String file,
            @RequestParam(name = "cluster", required = false) @Nullable List<String> cluster,
            @RequestParam String framework,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            HttpServletResponse response)
            throws IOException {
        var format = Objects.requireNonNull(EXPORTS.get(file), "the mapping admits only the names EXPORTS knows");
        stream(request(cluster, framework, from, to), format, response);
    }

    /** Checks everything first: once the first byte is out, an error can no longer be a problem detail. */
    private void stream(ExportRequest request, ExportFormat format, HttpServletResponse response) throws IOException {
        evidence.validate(request);
        response.setContentType(format.contentType() + (format == ExportFormat.PDF ? "" : "; charset=UTF-8"));
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(request.fileName(format)));
        evidence.write(request, format, response.getOutputStream());
    }

    private ExportRequest request(
            @Nullable List<String> names, String framework, @Nullable LocalDate from, @Nullable LocalDate to) {
        var end = to == null ? LocalDate.ofInstant(clock.instant(), base.timeZone()) : to;
        var start = from == null ? end.minusDays(properties.defaultPeriodDays()) : from;
        var ids = new ArrayList<Long>();
        if (names == null || names.isEmpty()) {
            clusters.list().forEach(c -> ids.add(c.id()));
            if (ids.isEmpty()) {
                throw new InvalidExportException("cluster", "No cluster is registered yet.");
            }
        } else {
            for (var name : names) {
                ids.add(clusters.findByName(name.trim())
                        .map(ClusterSummary::id)
                        .orElseThrow(() ->
                                new InvalidExportException("cluster", "There is no cluster named \"" + name + "\".")));
            }
        }
        return new ExportRequest(ids, framework, start, end);
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }
}
