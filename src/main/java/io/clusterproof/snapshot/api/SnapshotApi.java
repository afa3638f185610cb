package io.clusterproof.snapshot.api;

import io.clusterproof.base.InvalidInputException;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.PageResponse;
import io.clusterproof.snapshot.ClusterDefinition;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.CollectionService;
import io.clusterproof.snapshot.ManifestIssue;
import io.clusterproof.snapshot.MissingKind;
import io.clusterproof.snapshot.ResourceFilter;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.ResourceRow;
import io.clusterproof.snapshot.SnapshotProperties;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotSummary;
import io.clusterproof.snapshot.SourceType;
import io.clusterproof.snapshot.StoredObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Clusters, their collection runs and snapshots, and the redacted objects a snapshot holds. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Clusters and snapshots")
class SnapshotApi {

    private final ClusterService clusters;
    private final CollectionService collections;
    private final SnapshotReader snapshots;
    private final SnapshotProperties properties;

    SnapshotApi(
            ClusterService clusters,
            CollectionService collections,
            SnapshotReader snapshots,
            SnapshotProperties properties) {
        this.clusters = clusters;
        this.collections = collections;
        this.snapshots = snapshots;
        this.properties = properties;
    }

    @GetMapping("/clusters")
    @Operation(summary = "Every registered cluster with its source, schedule and last run")
    List<ClusterSummary> clusters() {
        return clusters.list();
    }

    /**
     * A cluster to register; {@code source} is {@code uploads}, {@code manifest}, {@code kubeconfig}
     * {@code in-cluster} or {@code agent}.
     */
    record NewCluster(
            String name,
            @Nullable Map<String, String> labels,
            String source,
            @Nullable String path,
            @Nullable String kubeconfig,
            @Nullable String context,
            @Nullable String schedule,
            @Nullable Boolean enabled) {}

    @PostMapping("/clusters")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a cluster (ADMIN), validated as in the Clusters page")
    ClusterSummary register(@RequestBody NewCluster body) {
        var source = switch (body.source() == null ? "" : body.source()) {
            case "uploads" -> SourceType.UPLOAD;
            case "manifest" -> SourceType.MANIFESTS;
            case "kubeconfig" -> SourceType.KUBECONFIG;
            case "in-cluster" -> SourceType.IN_CLUSTER;
            case "agent" -> SourceType.AGENT;
            default ->
                throw new InvalidInputException(
                        "source", "source must be one of uploads, manifest, kubeconfig, in-cluster or agent.");
        };
        var labels = body.labels() == null
                ? null
                : body.labels().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n"));
        return clusters.register(new ClusterDefinition(
                body.name() == null ? "" : body.name(),
                null,
                null,
                null,
                labels,
                source,
                body.kubeconfig(),
                body.context(),
                body.path(),
                body.schedule() == null || body.schedule().isBlank() ? properties.defaultSchedule() : body.schedule(),
                body.enabled() == null || body.enabled()));
    }

    @GetMapping("/clusters/{id}")
    ClusterSummary cluster(@PathVariable long id) {
        return clusters.get(id).orElseThrow(() -> new NotFoundException("Cluster " + id + " does not exist."));
    }

    @PostMapping("/clusters/{id}/collections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a collection now (ADMIN); follow it with GET /clusters/{id}/runs")
    RunView collect(@PathVariable long id) {
        return RunView.of(collections.collectNow(id));
    }

    @PostMapping(path = "/clusters/{id}/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Store a dump of an air-gapped cluster sent as the multipart part file (ENGINEER, ADMIN);"
                    + " the answer is its run, whose outcome GET /clusters/{id}/runs/{runId} gives")
    RunView upload(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
        var name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "upload.yaml"
                        : file.getOriginalFilename();
        try (var in = file.getInputStream()) {
            return RunView.of(collections.upload(id, name, file.getSize(), in));
        }
    }

    @PostMapping(
            path = "/clusters/{id}/uploads",
            consumes = {
                "application/yaml",
                "application/x-yaml",
                "application/json",
                "application/gzip",
                "application/x-gzip"
            })
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Store a dump sent as the request body: YAML, JSON or a .tar.gz (ENGINEER, ADMIN);"
                    + " read as it arrives and refused with 413 at the upload limit")
    RunView uploadBody(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
            @RequestParam(required = false) @Nullable String name,
            HttpServletRequest request)
            throws IOException {
        var fileName = name != null && !name.isBlank() ? name : "upload" + extension(type);
        try (var in = request.getInputStream()) {
            return RunView.of(collections.upload(id, fileName, request.getContentLengthLong(), in));
        }
    }

    private static String extension(MediaType type) {
        return switch (type.getSubtype()) {
            case "json" -> ".json";
            case "gzip", "x-gzip" -> ".tar.gz";
            default -> ".yaml";
        };
    }

    @GetMapping("/clusters/{id}/runs/{runId}")
    @Operation(summary = "One collection or upload run: status RUNNING, COMPLETE, PARTIAL or FAILED, and its message")
    RunView run(@PathVariable long id, @PathVariable long runId) {
        return collections
                .run(id, runId)
                .map(RunView::of)
                .orElseThrow(() -> new NotFoundException("Cluster " + id + " has no run " + runId + "."));
    }

    @GetMapping("/clusters/{id}/runs")
    PageResponse<RunView> runs(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        cluster(id);
        return PageResponse.of(collections.runs(id, PageRequest.of(page, size)).map(RunView::of));
    }

    @GetMapping("/clusters/{id}/snapshots")
    @Operation(summary = "Snapshots of a cluster, newest first")
    PageResponse<SnapshotSummary> snapshots(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        cluster(id);
        return PageResponse.of(snapshots.list(id, PageRequest.of(page, size)));
    }

    /** A snapshot with what it could not collect and the problems found in its input. */
    record SnapshotDetail(SnapshotSummary snapshot, List<MissingKind> missingKinds, List<ManifestIssue> issues) {}

    @GetMapping("/snapshots/{id}")
    SnapshotDetail snapshot(@PathVariable long id) {
        var summary =
                snapshots.summary(id).orElseThrow(() -> new NotFoundException("Snapshot " + id + " does not exist."));
        return new SnapshotDetail(summary, snapshots.missingKinds(id), snapshots.issues(id));
    }

    @GetMapping("/snapshots/{id}/resources")
    @Operation(summary = "The objects of a snapshot (keys and digests), filtered by kind, namespace and name")
    PageResponse<ResourceRow> resources(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String namespace,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        var filter = new ResourceFilter(kind, namespace, name);
        return PageResponse.of(
                snapshots.resources(id, filter, (long) page * size, size), page, size, snapshots.count(id, filter));
    }

    @GetMapping("/snapshots/{id}/object")
    @Operation(summary = "One object of a snapshot, redacted as stored")
    StoredObject object(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String group,
            @RequestParam String kind,
            @RequestParam(defaultValue = "") String namespace,
            @RequestParam String name) {
        var key = new ResourceKey(group, kind, namespace, name);
        return snapshots
                .object(id, key)
                .orElseThrow(() -> new NotFoundException("Snapshot " + id + " has no " + key.display() + "."));
    }
}
