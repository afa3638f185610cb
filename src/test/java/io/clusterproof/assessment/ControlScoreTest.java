package io.clusterproof.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.catalog.FrameworkDefinition;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The control score and the verified share from per-check finding counts: every status but
 * NOT_APPLICABLE is in the denominator, and a hybrid control passes only with passing checks and
 * a valid attestation.
 */
class ControlScoreTest {

    private static final FrameworkDefinition FRAMEWORK =
            ScoringTest.CATALOG.framework("test-framework").orElseThrow();
    private static final StatusCounts PASS = new StatusCounts(2, 0, 0, 0, 0, 0);
    private static final StatusCounts FAIL = new StatusCounts(1, 1, 0, 0, 0, 0);
    private static final StatusCounts WAIVED = new StatusCounts(1, 0, 1, 0, 0, 0);
    private static final StatusCounts UNKNOWN = new StatusCounts(1, 0, 0, 1, 0, 0);
    private static final StatusCounts ERROR = new StatusCounts(1, 0, 0, 0, 1, 0);

    private final Map<String, StatusCounts> byCheck =
            new HashMap<>(Map.of("replicas", PASS, "pod-named", PASS, "namespaced-loop", PASS));

    @Test
    void every_status_but_not_applicable_counts_in_the_denominator() {
        // A.1-A.4 PASS, B.1 and C.1 NEEDS_ATTESTATION
        var allPass = score(ControlAttestations.NONE);
        assertThat(allPass.controls().byName()).containsEntry("PASS", 4).containsEntry("NEEDS_ATTESTATION", 2);
        assertThat(allPass.scoredControls()).isEqualTo(6);
        assertThat(allPass.controlScore()).isEqualTo(66.7);

        byCheck.put("namespaced-loop", ERROR);
        var error = score(ControlAttestations.NONE);
        assertThat(error.controls().error()).isEqualTo(1);
        assertThat(error.scoredControls()).isEqualTo(6);
        assertThat(error.controlScore()).isEqualTo(50.0);

        byCheck.put("namespaced-loop", StatusCounts.NONE);
        var notApplicable = score(ControlAttestations.NONE);
        assertThat(notApplicable.controls().notApplicable()).isEqualTo(1);
        assertThat(notApplicable.scoredControls()).isEqualTo(5);
        assertThat(notApplicable.controlScore()).isEqualTo(60.0);
    }

    @Test
    void a_fail_turning_unknown_never_raises_the_score_and_a_pass_turning_unknown_lowers_it() {
        byCheck.put("replicas", FAIL);
        var failing = score(ControlAttestations.NONE);
        assertThat(failing.controls().fail()).isEqualTo(3);

        byCheck.put("replicas", UNKNOWN);
        var unknown = score(ControlAttestations.NONE);
        assertThat(unknown.controls().unknown()).isEqualTo(3);
        assertThat(unknown.scoredControls()).isEqualTo(failing.scoredControls());
        assertThat(unknown.controlScore()).isEqualTo(failing.controlScore()).isEqualTo(33.3);

        byCheck.put("replicas", PASS);
        var passing = score(ControlAttestations.NONE);
        byCheck.put("pod-named", UNKNOWN);
        var lessKnown = score(ControlAttestations.NONE);
        assertThat(lessKnown.controlScore()).isLessThan(passing.controlScore());
        assertThat(lessKnown.verifiedShare()).isLessThan(passing.verifiedShare());
    }

    @Test
    void waived_and_attested_controls_raise_the_control_score_but_never_the_verified_share() {
        var attestations = attested("B.1", "C.1");
        var base = score(attestations);
        assertThat(base.controls().byName())
                .containsEntry("PASS", 5)
                .containsEntry("ATTESTED", 1)
                .containsEntry("NEEDS_ATTESTATION", 0);
        // A.1-A.4 pass by checks alone; C.1 passes only with its attestation
        assertThat(base.verifiedControls()).isEqualTo(4);
        assertThat(base.controlScore()).isEqualTo(100.0);
        assertThat(base.verifiedShare()).isEqualTo(66.7);

        byCheck.put("pod-named", WAIVED);
        var waived = score(attestations);
        assertThat(waived.controls().passWaived()).isEqualTo(2);
        assertThat(waived.controls().pass()).isEqualTo(3);
        assertThat(waived.controlScore()).isEqualTo(100.0);
        assertThat(waived.verifiedShare()).isEqualTo(33.3);
    }

    @Test
    void a_hybrid_control_passes_only_with_passing_checks_and_a_valid_attestation() {
        var attestation = attested("C.1");

        byCheck.put("replicas", StatusCounts.NONE);
        assertThat(hybrid(ControlAttestations.NONE).status()).isEqualTo(ControlStatus.NEEDS_ATTESTATION);
        assertThat(hybrid(attestation).status()).isEqualTo(ControlStatus.ATTESTED);

        byCheck.put("replicas", PASS);
        var unattested = hybrid(ControlAttestations.NONE);
        assertThat(unattested.status()).isEqualTo(ControlStatus.NEEDS_ATTESTATION);
        assertThat(unattested.note())
                .contains("Checks cover part of this control (replicas): 2 passed")
                .endsWith("The rest needs an attestation.");
        var attested = hybrid(attestation);
        assertThat(attested.status()).isEqualTo(ControlStatus.PASS);
        assertThat(attested.attestationId()).isEqualTo(9L);

        byCheck.put("replicas", WAIVED);
        assertThat(hybrid(attestation).status()).isEqualTo(ControlStatus.PASS_WAIVED);
        assertThat(hybrid(ControlAttestations.NONE).status()).isEqualTo(ControlStatus.NEEDS_ATTESTATION);

        byCheck.put("replicas", FAIL);
        assertThat(hybrid(attestation).status()).isEqualTo(ControlStatus.FAIL);
        assertThat(hybrid(ControlAttestations.NONE).status()).isEqualTo(ControlStatus.FAIL);

        byCheck.put("replicas", UNKNOWN);
        assertThat(hybrid(attestation).status()).isEqualTo(ControlStatus.UNKNOWN);

        byCheck.put("replicas", ERROR);
        assertThat(hybrid(attestation).status()).isEqualTo(ControlStatus.ERROR);
    }

    @Test
    void a_hybrid_control_whose_checks_could_not_see_their_evidence_asks_for_the_attestation_and_says_why() {
        byCheck.put("replicas", new StatusCounts(0, 0, 0, 0, 0, 1));

        var unattested = hybrid(ControlAttestations.NONE);
        assertThat(unattested.status()).isEqualTo(ControlStatus.NEEDS_ATTESTATION);
        assertThat(unattested.note())
                .startsWith("Its checks gave no verdict here: 1 not applicable")
                .contains("out of the API's sight")
                .endsWith("The attested part still applies.");
        assertThat(hybrid(attested("C.1")).status()).isEqualTo(ControlStatus.ATTESTED);
    }

    private FrameworkScore score(ControlAttestations attestations) {
        return Scoring.score(FRAMEWORK, Scoring.severities(ScoringTest.CATALOG), byCheck, attestations, false)
                .score();
    }

    private ControlResult hybrid(ControlAttestations attestations) {
        return Scoring.score(FRAMEWORK, Scoring.severities(ScoringTest.CATALOG), byCheck, attestations, false)
                .controls()
                .stream()
                .filter(c -> c.ref().equals("C.1"))
                .findFirst()
                .orElseThrow();
    }

    private static ControlAttestations attested(String... refs) {
        var covered = java.util.Set.of(refs);
        return (framework, ref) -> covered.contains(ref) ? 9L : null;
    }
}
