package io.clusterproof.assessment;

import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.CheckMapping;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.catalog.FrameworkDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The status rules and score formulas of DESIGN.md, computed from finding counts per check. A
 * control FAILs if any in-scope finding of its checks fails; is ERROR or UNKNOWN if any finding
 * is, and none fails; PASSes when every finding passes or is waived; is NOT_APPLICABLE when there
 * is no in-scope finding at all. Attestation controls are ATTESTED or NEED_ATTESTATION.
 */
final class Scoring {

    private Scoring() {}

    record Outcome(List<ControlResult> controls, List<FrameworkScore> scores) {}

    record FrameworkOutcome(List<ControlResult> controls, FrameworkScore score) {}

    static Outcome score(Catalog catalog, List<Finding> findings, ControlAttestations attestations) {
        var controls = new ArrayList<ControlResult>();
        var scores = new ArrayList<FrameworkScore>();
        for (var framework : catalog.frameworks()) {
            var outcome = score(framework, countsByCheck(findings, framework.id()), attestations);
            controls.addAll(outcome.controls());
            scores.add(outcome.score());
        }
        return new Outcome(controls, scores);
    }

    /** In-scope finding counts per check for one framework. */
    static Map<String, StatusCounts> countsByCheck(List<Finding> findings, String frameworkId) {
        var counters = new HashMap<String, int[]>();
        for (var finding : findings) {
            if (finding.frameworks().contains(frameworkId)) {
                counters.computeIfAbsent(finding.checkId(), k -> new int[6])[
                        finding.status().ordinal()]++;
            }
        }
        var counts = new HashMap<String, StatusCounts>();
        counters.forEach((check, c) -> counts.put(check, of(c)));
        return counts;
    }

    static StatusCounts of(int[] byStatusOrdinal) {
        return new StatusCounts(
                byStatusOrdinal[FindingStatus.PASS.ordinal()],
                byStatusOrdinal[FindingStatus.FAIL.ordinal()],
                byStatusOrdinal[FindingStatus.WAIVED.ordinal()],
                byStatusOrdinal[FindingStatus.UNKNOWN.ordinal()],
                byStatusOrdinal[FindingStatus.ERROR.ordinal()],
                byStatusOrdinal[FindingStatus.NOT_APPLICABLE.ordinal()],
                0,
                0);
    }

    static FrameworkOutcome score(
            FrameworkDefinition framework, Map<String, StatusCounts> byCheck, ControlAttestations attestations) {
        var results = new ArrayList<ControlResult>();
        for (var control : framework.controls()) {
            results.add(
                    control.automated()
                            ? automated(framework.id(), control, byCheck)
                            : attested(framework.id(), control, attestations));
        }
        int passingControls =
                (int) results.stream().filter(r -> r.status().passing()).count();
        int assessable =
                (int) results.stream().filter(r -> r.status().assessable()).count();
        int automated = (int) framework.controls().stream()
                .filter(c -> !c.mappedChecks().isEmpty())
                .count();
        // each resource-check once, however many controls list the check
        var checks = new LinkedHashSet<String>();
        framework.controls().forEach(c -> c.mappedChecks().forEach(m -> checks.add(m.id())));
        int pass = 0, fail = 0, waived = 0, unknown = 0, error = 0;
        for (var check : checks) {
            var counts = byCheck.getOrDefault(check, StatusCounts.NONE);
            pass += counts.pass();
            fail += counts.fail();
            waived += counts.waived();
            unknown += counts.unknown();
            error += counts.error();
        }
        var controlCounts = new int[ControlStatus.values().length];
        results.forEach(r -> controlCounts[r.status().ordinal()]++);
        var controls = new StatusCounts(
                controlCounts[ControlStatus.PASS.ordinal()],
                controlCounts[ControlStatus.FAIL.ordinal()],
                0,
                controlCounts[ControlStatus.UNKNOWN.ordinal()],
                controlCounts[ControlStatus.ERROR.ordinal()],
                controlCounts[ControlStatus.NOT_APPLICABLE.ordinal()],
                controlCounts[ControlStatus.NEEDS_ATTESTATION.ordinal()],
                controlCounts[ControlStatus.ATTESTED.ordinal()]);
        var findings = new StatusCounts(pass, fail, waived, unknown, error, 0, 0, 0);
        var score = new FrameworkScore(
                framework.id(),
                passingControls,
                assessable,
                pass + waived,
                pass + fail + waived + unknown + error,
                automated,
                framework.controls().size(),
                controls,
                findings);
        return new FrameworkOutcome(results, score);
    }

    private static ControlResult automated(
            String frameworkId, ControlDefinition control, Map<String, StatusCounts> byCheck) {
        int pass = 0, fail = 0, waived = 0, unknown = 0, error = 0;
        for (CheckMapping mapping : control.mappedChecks()) {
            var counts = byCheck.getOrDefault(mapping.id(), StatusCounts.NONE);
            pass += counts.pass();
            fail += counts.fail();
            waived += counts.waived();
            unknown += counts.unknown();
            error += counts.error();
        }
        ControlStatus status;
        if (fail > 0) {
            status = ControlStatus.FAIL;
        } else if (error > 0) {
            status = ControlStatus.ERROR;
        } else if (unknown > 0) {
            status = ControlStatus.UNKNOWN;
        } else if (pass + waived > 0) {
            status = ControlStatus.PASS;
        } else {
            status = ControlStatus.NOT_APPLICABLE;
        }
        return new ControlResult(frameworkId, control.ref(), status, pass, fail, waived, unknown, error, null);
    }

    private static ControlResult attested(
            String frameworkId, ControlDefinition control, ControlAttestations attestations) {
        var attestation = attestations.attestationFor(frameworkId, control.ref());
        var status = attestation == null ? ControlStatus.NEEDS_ATTESTATION : ControlStatus.ATTESTED;
        return new ControlResult(frameworkId, control.ref(), status, 0, 0, 0, 0, 0, attestation);
    }
}
