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

    @Test
    void a_container_injected_into_a_running_pod_is_assessed_on_the_pod_and_names_its_owner() {
        var result = assess("mesh-injected-pod.yaml");

        var onInjectedPod = result.findings().stream()
                .filter(f -> f.resource().name().equals("checkout-7d4b9c-x2kq8"))
                .toList();
        assertThat(onInjectedPod).extracting(f -> f.checkId()).contains("dangerous-capabilities", "runs-as-root");
        assertThat(onInjectedPod).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.FAIL);
            assertThat(f.message()).startsWith("Beyond the template of ReplicaSet checkout-7d4b9c (istio-init): ");
        });
        assertThat(onInjectedPod)
                .filteredOn(f -> f.checkId().equals("dangerous-capabilities"))
                .singleElement()
                .satisfies(f -> assertThat(f.paths()).allMatch(p -> p.startsWith("spec.initContainers[0]")));
    }

    @Test
    void a_pod_that_runs_exactly_its_template_is_left_to_its_controller() {
        var result = assess("mesh-injected-pod.yaml");

        assertThat(result.findings()).noneMatch(f -> f.resource().name().equals("checkout-7d4b9c-m9zt4"));
        assertThat(result.findings()).noneMatch(f -> f.resource().kind().equals("ReplicaSet"));
        assertThat(result.findings())
                .filteredOn(f ->
                        f.resource().name().equals("checkout") && f.checkId().equals("runs-as-root"))
                .singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FindingStatus.PASS));
    }

    @Test
    void an_ephemeral_debug_container_is_assessed_on_the_pod_it_was_added_to() {
        var result = assess("debug-ephemeral-container.yaml");

        assertThat(result.findings())
                .filteredOn(f ->
                        f.resource().name().equals("ledger-0") && f.checkId().equals("privileged-container"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo(FindingStatus.FAIL);
                    assertThat(f.message()).contains("StatefulSet ledger (debugger-8xk2p)");
                    assertThat(f.paths()).containsExactly("spec.ephemeralContainers[0].securityContext.privileged");
                });
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
