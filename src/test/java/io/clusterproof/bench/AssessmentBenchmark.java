package io.clusterproof.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.assessment.AssessedObjects;
import io.clusterproof.assessment.AssessmentEngine;
import io.clusterproof.assessment.AssessmentInput;
import io.clusterproof.assessment.ControlAttestations;
import io.clusterproof.assessment.FindingWaivers;
import io.clusterproof.catalog.CatalogFiles;
import io.clusterproof.catalog.CatalogLoader;
import io.clusterproof.snapshot.ManifestObject;
import io.clusterproof.support.SyntheticCluster;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole catalog on a 50,000-object synthetic snapshot. Run with {@code ./mvnw -Pbenchmark verify}. */
class AssessmentBenchmark {

    @Test
    void assess_a_large_snapshot_with_the_whole_catalog() {
        var catalog = CatalogLoader.load(List.of(CatalogFiles.folder(Path.of("compliance-mappings"))), 200_000);
        var raw = SyntheticCluster.ofSize(CollectionBenchmark.OBJECTS).objects();
        var objects = AssessedObjects.fromManifests(
                raw.stream().map(o -> new ManifestObject(o, "synthetic", 0)).toList());
        var snapshotObjects = raw.size();
        raw = null;
        var engine = new AssessmentEngine(catalog, List.of("kube-system", "kube-public", "kube-node-lease"));
        var input = new AssessmentInput(objects, List.of(), "bench", "v1.31.2", Instant.parse("2026-11-25T00:00:00Z"));
        engine.assess(
                new AssessmentInput(objects.subList(0, 2000), List.of(), "warm-up", null, input.asOf()),
                FindingWaivers.NONE,
                ControlAttestations.NONE);

        try (var heap = HeapSampler.start()) {
            var started = System.nanoTime();
            var result = engine.assess(input, FindingWaivers.NONE, ControlAttestations.NONE);
            var seconds = (System.nanoTime() - started) / 1e9;

            var figures = new LinkedHashMap<String, Object>();
            figures.put("assess.snapshot_objects", snapshotObjects);
            figures.put("assess.assessed_objects", objects.size());
            figures.put("assess.checks", catalog.checks().size());
            figures.put("assess.rule_evaluations", result.findings().size());
            figures.put("assess.seconds", seconds);
            figures.put("assess.rule_evaluations_per_second", result.findings().size() / seconds);
            figures.put("assess.peak_heap_mib", heap.peakMiB());
            figures.put("assess.peak_heap_above_input_mib", heap.peakAboveBaselineMiB());
            BenchmarkReport.put(figures);
            assertThat(result.findings()).isNotEmpty();
        }
    }
}
