package io.clusterproof.assessment;

import static io.clusterproof.assessment.Objects.configMap;
import static io.clusterproof.assessment.Objects.deployment;
import static io.clusterproof.assessment.Objects.namespace;
import static io.clusterproof.assessment.Objects.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.CatalogFiles;
import io.clusterproof.catalog.CatalogLoader;
import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.MissingKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status rules, the score formulas and framework scopes of DESIGN.md, on a small test catalog. */
class ScoringTest {

    static final Catalog CATALOG =
            CatalogLoader.load(List.of(CatalogFiles.folder(Path.of("src/test/resources/scoring-catalog"))), 2_000);
    static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    private final AssessmentEngine engine = new AssessmentEngine(CATALOG, List.of("kube-system"));
    private final List<AssessedObject> objects = new ArrayList<>(
            List.of(namespace("shop", Map.of("scope", "in")), namespace("other", Map.of("scope", "out"))));

    @Test
    void a_control_fails_when_any_in_scope_finding_fails() {
        objects.add(deployment("shop", "web", 3));
        objects.add(deployment("shop", "api", 1));

        var result = assess();

        assertThat(control(result, "A.1").status()).isEqualTo(ControlStatus.FAIL);
        assertThat(control(result, "A.1").fail()).isEqualTo(1);
        assertThat(control(result, "A.1").pass()).isEqualTo(1);
    }

    @Test
    void a_control_that_passes_only_thanks_to_waivers_is_pass_waived() {
        objects.add(deployment("shop", "web", 3));
        objects.add(deployment("shop", "api", 1));

        var result =
                engine.assess(input(), f -> f.resource().name().equals("api") ? 42L : null, ControlAttestations.NONE);

        assertThat(control(result, "A.1").status()).isEqualTo(ControlStatus.PASS_WAIVED);
        assertThat(control(result, "A.1").waived()).isEqualTo(1);
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.WAIVED);
            assertThat(f.waiverId()).isEqualTo(42L);
        });
    }

    @Test
    void a_rule_that_fails_to_evaluate_gives_error_never_pass_and_the_control_is_error_unless_something_fails() {
        objects.add(deployment("shop", "broken", 3));

        var result = assess();

        var finding = finding(result, "pod-named", "broken");
        assertThat(finding.status()).isEqualTo(FindingStatus.ERROR);
        assertThat(finding.message()).contains("could not be evaluated").contains("doesNotExist");
        assertThat(control(result, "A.2").status()).isEqualTo(ControlStatus.ERROR);
        assertThat(control(result, "A.3").status()).isEqualTo(ControlStatus.ERROR);
    }

    @Test
    void an_expensive_rule_hits_the_cost_limit_and_gives_error() {
        objects.add(configMap("shop", "big", 150));

        var finding = finding(assess(), "namespaced-loop", "big");

        assertThat(finding.status()).isEqualTo(FindingStatus.ERROR);
        assertThat(finding.message()).contains("Iteration budget exceeded");
    }

    @Test
    void a_partial_snapshot_never_scores_missing_kinds_as_pass() {
        objects.add(pod("shop", "web", null));

        var result = engine.assess(
                new AssessmentInput(
                        objects,
                        List.of(
                                new MissingKind("NetworkPolicy", "forbidden (403)"),
                                new MissingKind("Deployment", "forbidden (403)")),
                        null,
                        null,
                        NOW),
                FindingWaivers.NONE,
                ControlAttestations.NONE);

        assertThat(result.findings())
                .filteredOn(f -> f.checkId().equals("replicas"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo(FindingStatus.UNKNOWN);
                    assertThat(f.message()).contains("Deployment could not be collected: forbidden (403)");
                });
        assertThat(finding(result, "pod-named", "web").status()).isEqualTo(FindingStatus.UNKNOWN);
        assertThat(control(result, "A.1").status()).isEqualTo(ControlStatus.UNKNOWN);
        assertThat(control(result, "A.2").status()).isEqualTo(ControlStatus.UNKNOWN);
    }

    @Test
    void a_control_without_in_scope_findings_is_not_applicable() {
        objects.add(deployment("other", "web", 1));

        var result = assess();

        assertThat(control(result, "A.1").status()).isEqualTo(ControlStatus.NOT_APPLICABLE);
        assertThat(control(result, "A.1").note())
                .isEqualTo("No object in scope matched its checks (scope: Namespaces labelled scope=in).");
        assertThat(result.controls())
                .filteredOn(c -> c.frameworkId().equals("everywhere"))
                .singleElement()
                .extracting(ControlResult::status)
                .isEqualTo(ControlStatus.FAIL);
    }

    @Test
    void attestation_controls_need_an_attestation_and_count_as_attested_with_one() {
        var without = control(assess(), "B.1");
        var with = control(
                engine.assess(input(), FindingWaivers.NONE, (framework, ref) -> ref.equals("B.1") ? 7L : null), "B.1");

        assertThat(without.status()).isEqualTo(ControlStatus.NEEDS_ATTESTATION);
        assertThat(with.status()).isEqualTo(ControlStatus.ATTESTED);
        assertThat(with.attestationId()).isEqualTo(7L);
    }

    @Test
    void both_scores_and_coverage_follow_their_formulas() {
        objects.add(deployment("shop", "web", 3));
        objects.add(deployment("shop", "api", 1));
        objects.add(deployment("shop", "db", 2));

        var score = assess().scores().stream()
                .filter(s -> s.frameworkId().equals("test-framework"))
                .findFirst()
                .orElseThrow();

        // A.1 FAIL, A.2 PASS, A.3 FAIL, A.4 NOT_APPLICABLE, B.1 NEEDS_ATTESTATION, C.1 FAIL: 1 passing of 5
        assertThat(score.passingControls()).isEqualTo(1);
        assertThat(score.scoredControls()).isEqualTo(5);
        assertThat(score.controlScore()).isEqualTo(20.0);
        assertThat(score.verifiedShare()).isEqualTo(20.0);
        // replicas: 2 pass 1 fail; pod-named: 3 pass — each resource-check counted once
        assertThat(score.passingChecks()).isEqualTo(5);
        assertThat(score.totalChecks()).isEqualTo(6);
        assertThat(score.resourceScore()).isEqualTo(83.3);
        // replicas is high, pod-named medium: one failing replica stays visible in its own severity
        assertThat(score.severities())
                .extracting(SeverityScore::severity, SeverityScore::passingChecks, SeverityScore::totalChecks)
                .containsExactly(tuple(Severity.HIGH, 2, 3), tuple(Severity.MEDIUM, 3, 3));
        // coverage counts controls checks prove completely: A.1-A.4, not the hybrid C.1
        assertThat(score.automatedControls()).isEqualTo(4);
        assertThat(score.totalControls()).isEqualTo(6);
        assertThat(score.coverage()).isEqualTo(66.7);
        assertThat(score.coverageBasis()).isEqualTo("4 automated of the 6 requirements in this catalog");
    }

    @Test
    void a_framework_with_nothing_of_the_cluster_in_its_scope_is_scope_empty_and_not_scored() {
        objects.removeIf(o -> o.key().name().equals("shop"));
        objects.add(deployment("other", "web", 3));

        var scores = assess().scores();

        var scoped = scores.stream()
                .filter(s -> s.frameworkId().equals("test-framework"))
                .findFirst()
                .orElseThrow();
        var everywhere = scores.stream()
                .filter(s -> s.frameworkId().equals("everywhere"))
                .findFirst()
                .orElseThrow();
        assertThat(scoped.scopeEmpty()).isTrue();
        assertThat(scoped.scored()).isFalse();
        assertThat(everywhere.scopeEmpty()).isFalse();
        assertThat(everywhere.scored()).isTrue();
        assertThat(ScopeText.empty(CATALOG.framework("test-framework").orElseThrow()))
                .startsWith("Scope empty: nothing in this cluster is in the scope of Test framework")
                .endsWith("Label namespaces with scope=in to bring them in scope.");
    }

    @Test
    void a_namespace_in_scope_makes_the_scope_non_empty_even_without_workloads() {
        var scores = assess().scores();

        assertThat(scores)
                .filteredOn(s -> s.frameworkId().equals("test-framework"))
                .singleElement()
                .extracting(FrameworkScore::scopeEmpty)
                .isEqualTo(false);
    }

    @Test
    void pod_templates_are_assessed_at_their_controller_and_bare_pods_themselves() {
        objects.add(deployment("shop", "web", 3));
        objects.add(pod("shop", "web-abc-1", "ReplicaSet"));
        objects.add(pod("shop", "debug", null));
        objects.add(pod("kube-system", "kube-apiserver-node", "Node"));
        var owned = objects.stream()
                .filter(o -> !KubeObjects.isControlled(o.body()))
                .toList();

        var findings = engine
                .assess(
                        new AssessmentInput(owned, List.of(), null, null, NOW),
                        FindingWaivers.NONE,
                        ControlAttestations.NONE)
                .findings()
                .stream()
                .filter(f -> f.checkId().equals("pod-named"))
                .toList();

        assertThat(findings).extracting(f -> f.resource().name()).containsExactlyInAnyOrder("web", "debug");
    }

    @Test
    void scope_follows_namespace_labels_and_keeps_unknown_namespaces_and_leaves_out_system_ones() {
        objects.add(deployment("shop", "in-scope", 1));
        objects.add(deployment("other", "out-of-scope", 1));
        objects.add(deployment("no-namespace-object", "unknown-labels", 1));
        objects.add(deployment("kube-system", "system", 1));

        var result = assess();

        assertThat(finding(result, "replicas", "in-scope").frameworks())
                .containsExactlyInAnyOrder("test-framework", "everywhere");
        assertThat(finding(result, "replicas", "out-of-scope").frameworks()).containsExactly("everywhere");
        assertThat(finding(result, "replicas", "unknown-labels").frameworks())
                .containsExactlyInAnyOrder("test-framework", "everywhere");
        assertThat(result.findings()).noneMatch(f -> f.resource().name().equals("system"));
    }

    private AssessmentResult assess() {
        return engine.assess(input(), FindingWaivers.NONE, ControlAttestations.NONE);
    }

    private AssessmentInput input() {
        return new AssessmentInput(objects, List.of(), null, null, NOW);
    }

    private static ControlResult control(AssessmentResult result, String ref) {
        return result.controls().stream()
                .filter(c -> c.frameworkId().equals("test-framework") && c.ref().equals(ref))
                .findFirst()
                .orElseThrow();
    }

    private static Finding finding(AssessmentResult result, String check, String name) {
        return result.findings().stream()
                .filter(f -> f.checkId().equals(check) && f.resource().name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
