package io.clusterproof.snapshot.api;

import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.PageResponse;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.CollectionService;
import io.clusterproof.snapshot.ManifestIssue;
import io.clusterproof.snapshot.MissingKind;
import io.clusterproof.snapshot.ResourceFilter;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.ResourceRow;
import io.clusterproof.snapshot.RunSummary;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotSummary;
import io.clusterproof.snapshot.StoredObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Clusters, their collection runs and snapshots, and the redacted objects a snapshot holds. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Clusters and snapshots")
class SnapshotApi {

    private final ClusterService clusters;
    private final CollectionService collections;
    private final SnapshotReader snapshots;

    SnapshotApi(ClusterService clusters, CollectionService collections, SnapshotReader snapshots) {
        this.clusters = clusters;
        this.collections = collections;
        this.snapshots = snapshots;
    }

    @GetMapping("/clusters")
    @Operation(summary = "Every registered cluster with its source, schedule and last run")
    List<ClusterSummary> clusters() {
        return clusters.list();
    }

    @GetMapping("/clusters/{id}")
    ClusterSummary cluster(@PathVariable long id) {
        return clusters.get(id).orElseThrow(() -> new NotFoundException("Cluster " + id + " does not exist."));
    }

    @PostMapping("/clusters/{id}/collections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a collection now (ADMIN); follow it with GET /clusters/{id}/runs")
    RunSummary collect(@PathVariable long id) {
        return collections.collectNow(id);
    }

    @GetMapping("/clusters/{id}/runs")
    PageResponse<RunSummary> runs(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        cluster(id);
        return PageResponse.of(collections.runs(id, PageRequest.of(page, size)));
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
