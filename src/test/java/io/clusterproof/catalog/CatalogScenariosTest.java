package io.clusterproof.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.assessment.AssessedObjects;
import io.clusterproof.assessment.AssessmentEngine;
import io.clusterproof.assessment.AssessmentInput;
import io.clusterproof.assessment.AssessmentResult;
import io.clusterproof.assessment.ControlAttestations;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.assessment.FindingWaivers;
import io.clusterproof.snapshot.ManifestReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole situations an assessor would recognise, judged by the built-in catalog and the real engine. */
class CatalogScenariosTest {

    private static final Catalog CATALOG =
            CatalogLoader.load(List.of(CatalogFiles.folder(Path.of("compliance-mappings"))), 200_000);
    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

    private final AssessmentEngine engine = new AssessmentEngine(CATALOG, CheckFixturesTest.SYSTEM_NAMESPACES);

    @Test
    void cluster_admin_for_every_authenticated_user_fails_pci_7_2_1_and_7_2_2_beside_a_hardened_cde() {
        var result = assess("hardened-cde.yaml", "everyone-cluster-admin.yaml");

        assertThat(status(result, "7.2.1")).isEqualTo(ControlStatus.FAIL);
        assertThat(status(result, "7.2.2")).isEqualTo(ControlStatus.FAIL);
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.checkId()).isEqualTo("cluster-admin-binding");
            assertThat(f.resource().name()).isEqualTo("everyone-admin");
            assertThat(f.status()).isEqualTo(FindingStatus.FAIL);
            assertThat(f.message()).contains("Group system:authenticated");
        });
    }

    @Test
    void the_hardened_cde_alone_gives_cluster_admin_binding_nothing_to_fail() {
        var result = assess("hardened-cde.yaml");

        assertThat(result.findings())
                .noneSatisfy(f -> assertThat(f.checkId() + " " + f.status())
                        .isEqualTo("cluster-admin-binding " + FindingStatus.FAIL));
    }

    private AssessmentResult assess(String... files) {
        var content =
                ManifestReader.read(Arrays.stream(files).map(SCENARIOS::resolve).toList());
        assertThat(content.issues()).isEmpty();
        var input = new AssessmentInput(
                AssessedObjects.fromManifests(content.objects()),
                List.of(),
                null,
                null,
                Instant.parse("2026-11-25T00:00:00Z"));
        return engine.assess(input, FindingWaivers.NONE, ControlAttestations.NONE);
    }

    private static ControlStatus status(AssessmentResult result, String ref) {
        return result.controls().stream()
                .filter(c -> c.frameworkId().equals("pci-dss-4.0") && c.ref().equals(ref))
                .findFirst()
                .orElseThrow()
                .status();
    }
}
