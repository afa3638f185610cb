package io.clusterproof.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.assessment.AssessedObjects;
import io.clusterproof.assessment.AssessmentEngine;
import io.clusterproof.assessment.AssessmentInput;
import io.clusterproof.assessment.AssessmentResult;
import io.clusterproof.assessment.ControlAttestations;
import io.clusterproof.assessment.ControlResult;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.Finding;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.assessment.FindingWaivers;
import io.clusterproof.snapshot.ManifestReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * API-server evidence the snapshot cannot see (a managed control plane, files on a control-plane
 * node) never reads as PASS or FAIL: the findings say what is out of sight and the controls resting
 * on them ask for an attestation.
 */
class ControlPlaneVisibilityTest {

    private static final Catalog CATALOG =
            CatalogLoader.load(List.of(CatalogFiles.folder(Path.of("compliance-mappings"))), 200_000);
    private static final Set<String> API_SERVER_CHECKS =
            Set.of("apiserver-audit-logging", "secrets-encryption-at-rest", "apiserver-authentication-hardened");
    private static final ControlAttestations EVERYTHING_ATTESTED = (framework, ref) -> 7L;

    private final AssessmentEngine engine = new AssessmentEngine(CATALOG, CheckFixturesTest.SYSTEM_NAMESPACES);

    @Test
    void a_managed_control_plane_gives_not_applicable_findings_that_say_the_control_plane_is_not_visible() {
        var result = assess("managed-control-plane.yaml", ControlAttestations.NONE);

        assertThat(apiServerFindings(result)).hasSize(3).allSatisfy(f -> {
            assertThat(f.status()).as(f.checkId()).isEqualTo(FindingStatus.NOT_APPLICABLE);
            assertThat(f.message())
                    .as(f.checkId())
                    .startsWith("Not visible through the API: no kube-apiserver pod is visible")
                    .contains("not a failure to waive")
                    .contains("attested");
        });
    }

    @Test
    void on_a_managed_control_plane_every_control_resting_on_the_api_server_needs_an_attestation() {
        var result = assess("managed-control-plane.yaml", ControlAttestations.NONE);

        var resting = restingOnTheApiServer(result);
        assertThat(resting).hasSizeGreaterThanOrEqualTo(13);
        assertThat(resting)
                .allSatisfy(c -> assertThat(c.status())
                        .as(c.frameworkId() + " " + c.ref())
                        .isNotIn(ControlStatus.PASS, ControlStatus.PASS_WAIVED, ControlStatus.NOT_APPLICABLE));
        assertThat(onlyOnTheApiServer(resting)).isNotEmpty().allSatisfy(c -> {
            assertThat(c.status()).as(c.frameworkId() + " " + c.ref()).isEqualTo(ControlStatus.NEEDS_ATTESTATION);
            assertThat(c.note()).as(c.frameworkId() + " " + c.ref()).contains("out of the API's sight");
        });
    }

    @Test
    void the_provider_attestation_makes_those_controls_attested_never_pass_and_never_fail() {
        var result = assess("managed-control-plane.yaml", EVERYTHING_ATTESTED);

        assertThat(onlyOnTheApiServer(restingOnTheApiServer(result)))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.status())
                        .as(c.frameworkId() + " " + c.ref())
                        .isEqualTo(ControlStatus.ATTESTED));
    }

    @Test
    void flags_in_order_with_the_audit_policy_and_encryption_configuration_on_the_node_do_not_pass() {
        var result = assess("kubeadm-control-plane.yaml", ControlAttestations.NONE);

        assertThat(apiServerFindings(result))
                .filteredOn(f -> !f.checkId().equals("apiserver-authentication-hardened"))
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.status()).as(f.checkId()).isEqualTo(FindingStatus.NOT_APPLICABLE));
        assertThat(finding(result, "apiserver-audit-logging").message())
                .contains("kube-apiserver-cp-1 reads its audit policy from /etc/kubernetes/audit/policy.yaml")
                .contains("a file on the node that the API does not serve");
        assertThat(finding(result, "secrets-encryption-at-rest").message())
                .contains("from /etc/kubernetes/enc/encryption-config.yaml, a file on the node");
        assertThat(finding(result, "apiserver-authentication-hardened").status())
                .as("every authentication flag is in sight")
                .isEqualTo(FindingStatus.PASS);
        assertThat(control(result, "pci-dss-4.0", "10.2.1").status()).isEqualTo(ControlStatus.NEEDS_ATTESTATION);
    }

    private AssessmentResult assess(String file, ControlAttestations attestations) {
        var content = ManifestReader.read(
                List.of(Path.of("src/test/resources/scenarios").resolve(file)));
        assertThat(content.issues()).isEmpty();
        var input = new AssessmentInput(
                AssessedObjects.fromManifests(content.objects()),
                List.of(),
                "prod-eu-1",
                "v1.32.2",
                Instant.parse("2026-11-25T00:00:00Z"));
        return engine.assess(input, FindingWaivers.NONE, attestations);
    }

    private static List<Finding> apiServerFindings(AssessmentResult result) {
        return result.findings().stream()
                .filter(f -> API_SERVER_CHECKS.contains(f.checkId()))
                .toList();
    }

    private static Finding finding(AssessmentResult result, String checkId) {
        return result.findings().stream()
                .filter(f -> f.checkId().equals(checkId))
                .findFirst()
                .orElseThrow();
    }

    private static List<ControlResult> restingOnTheApiServer(AssessmentResult result) {
        return result.controls().stream()
                .filter(c -> definition(c).mappedChecks().stream().anyMatch(m -> API_SERVER_CHECKS.contains(m.id())))
                .toList();
    }

    private static List<ControlResult> onlyOnTheApiServer(List<ControlResult> controls) {
        return controls.stream()
                .filter(c -> definition(c).mappedChecks().stream().allMatch(m -> API_SERVER_CHECKS.contains(m.id())))
                .toList();
    }

    private static ControlDefinition definition(ControlResult result) {
        return CATALOG.framework(result.frameworkId()).orElseThrow().controls().stream()
                .filter(c -> c.ref().equals(result.ref()))
                .findFirst()
                .orElseThrow();
    }

    private static ControlResult control(AssessmentResult result, String framework, String ref) {
        return result.controls().stream()
                .filter(c -> c.frameworkId().equals(framework) && c.ref().equals(ref))
                .findFirst()
                .orElseThrow();
    }
}
