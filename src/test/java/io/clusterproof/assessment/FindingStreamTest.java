package io.clusterproof.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.catalog.CatalogFiles;
import io.clusterproof.catalog.CatalogLoader;
import io.clusterproof.snapshot.ManifestObject;
import io.clusterproof.support.SyntheticCluster;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A large assessment hands its findings on in batches and keeps only their counts. */
class FindingStreamTest {

    @Test
    void streamed_findings_come_in_bounded_batches_and_score_exactly_as_the_whole_list() {
        var catalog = CatalogLoader.load(List.of(CatalogFiles.folder(Path.of("compliance-mappings"))), 200_000);
        var engine = new AssessmentEngine(catalog, List.of("kube-system"));
        var manifests = new SyntheticCluster(5, 150, 2)
                .objects().stream()
                        .map(o -> new ManifestObject(o, "synthetic", 0))
                        .toList();
        var input = new AssessmentInput(
                AssessedObjects.fromManifests(manifests),
                List.of(),
                "stream",
                "v1.31.2",
                Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(input.objects()).hasSizeGreaterThan(2_000);

        var whole = engine.assess(input, FindingWaivers.NONE, ControlAttestations.NONE);
        var batches = new ArrayList<List<Finding>>();
        var streamed = engine.assess(input, FindingWaivers.NONE, ControlAttestations.NONE, batches::add);

        assertThat(batches).hasSizeGreaterThanOrEqualTo(2);
        var checksPerObject = catalog.checks().size();
        assertThat(batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(2_000 * checksPerObject));
        assertThat(batches.stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(whole.findings());
        assertThat(streamed.findingCount()).isEqualTo(whole.findings().size());
        assertThat(streamed.scores()).isEqualTo(whole.scores());
        assertThat(streamed.controls()).isEqualTo(whole.controls());
    }
}
