package io.clusterproof.assessment;

import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.CheckMapping;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.catalog.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The status rules and score formulas of DESIGN.md, computed from finding counts per check.
 *
 * <p>From its checks' in-scope findings, a control is FAIL if any fails, whatever was attested;
 * else ERROR or UNKNOWN if any is; else PASS when every finding passes, PASS_WAIVED when some pass
 * only thanks to waivers; NOT_APPLICABLE (with its reason) when there is no in-scope finding. A
 * hybrid control adds the attestation: passing checks without a valid attestation are
 * NEEDS_ATTESTATION. An attestation control is ATTESTED or NEEDS_ATTESTATION.
 */
final class Scoring {

    private Scoring() {}

    record Outcome(List<ControlResult> controls, List<FrameworkScore> scores) {}

    record FrameworkOutcome(List<ControlResult> controls, FrameworkScore score) {}

    private record CheckStatus(
            ControlStatus status, int pass, int fail, int waived, int unknown, int error, int notApplicable) {}

    static Outcome score(
            Catalog catalog, List<Finding> findings, ControlAttestations attestations, Set<String> scopeEmpty) {
        return score(catalog, framework -> countsByCheck(findings, framework), attestations, scopeEmpty);
    }

    /** @param countsByCheck a framework's in-scope finding counts per check, by framework id */
    static Outcome score(
            Catalog catalog,
            Function<String, Map<String, StatusCounts>> countsByCheck,
            ControlAttestations attestations,
            Set<String> scopeEmpty) {
        var controls = new ArrayList<ControlResult>();
        var scores = new ArrayList<FrameworkScore>();
        for (var framework : catalog.frameworks()) {
            var outcome = score(
                    framework,
                    severities(catalog),
                    countsByCheck.apply(framework.id()),
                    attestations,
                    scopeEmpty.contains(framework.id()));
            controls.addAll(outcome.controls());
            scores.add(outcome.score());
        }
        return new Outcome(controls, scores);
    }

    /** Each check's severity, as the catalog defines it. */
    static Function<String, Severity> severities(Catalog catalog) {
        var severities = catalog.checks().stream()
                .collect(Collectors.toMap(c -> c.id(), c -> c.definition().severity()));
        return check -> severities.getOrDefault(check, Severity.LOW);
    }

    /** In-scope finding counts per check for one framework. */
    static Map<String, StatusCounts> countsByCheck(List<Finding> findings, String frameworkId) {
        var counters = new HashMap<String, int[]>();
        for (var finding : findings) {
            if (finding.frameworks().contains(frameworkId)) {
                counters.computeIfAbsent(finding.checkId(), k -> new int[FindingStatus.values().length])[
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
                byStatusOrdinal[FindingStatus.NOT_APPLICABLE.ordinal()]);
    }

    static FrameworkOutcome score(
            FrameworkDefinition framework,
            Function<String, Severity> severityOf,
            Map<String, StatusCounts> byCheck,
            ControlAttestations attestations,
            boolean scopeEmpty) {
        var results = new ArrayList<ControlResult>();
        int verified = 0;
        for (var control : framework.controls()) {
            var result = switch (control.type()) {
                case AUTOMATED -> automated(framework, control, byCheck);
                case HYBRID -> hybrid(framework, control, byCheck, attestations);
                case ATTESTATION -> attested(framework.id(), control, attestations);
            };
            results.add(result);
            if (control.automated() && result.status() == ControlStatus.PASS) {
                verified++;
            }
        }
        var statusCounts = new EnumMap<ControlStatus, Integer>(ControlStatus.class);
        results.forEach(r -> statusCounts.merge(r.status(), 1, Integer::sum));
        int automated = (int) framework.controls().stream()
                .filter(ControlDefinition::automated)
                .count();
        // each resource-check once, however many controls list the check
        var checks = new LinkedHashSet<String>();
        framework.controls().forEach(c -> c.mappedChecks().forEach(m -> checks.add(m.id())));
        var findings = StatusCounts.NONE;
        var bySeverity = new EnumMap<Severity, StatusCounts>(Severity.class);
        for (var check : checks) {
            var counts = byCheck.getOrDefault(check, StatusCounts.NONE);
            findings = findings.plus(counts);
            bySeverity.merge(severityOf.apply(check), counts, StatusCounts::plus);
        }
        var severities = bySeverity.entrySet().stream()
                .filter(e -> e.getValue().counted() > 0)
                .map(e -> new SeverityScore(
                        e.getKey(),
                        e.getValue().pass() + e.getValue().waived(),
                        e.getValue().counted()))
                .toList();
        var score = new FrameworkScore(
                framework.id(),
                ControlCounts.of(statusCounts),
                verified,
                automated,
                framework.controls().size(),
                findings,
                severities,
                scopeEmpty);
        return new FrameworkOutcome(results, score);
    }

    private static ControlResult automated(
            FrameworkDefinition framework, ControlDefinition control, Map<String, StatusCounts> byCheck) {
        var checks = checkStatus(control, byCheck);
        var note = checks.status() == ControlStatus.NOT_APPLICABLE ? notApplicable(framework) : null;
        return result(framework.id(), control, checks.status(), checks, null, note);
    }

    private static ControlResult hybrid(
            FrameworkDefinition framework,
            ControlDefinition control,
            Map<String, StatusCounts> byCheck,
            ControlAttestations attestations) {
        var checks = checkStatus(control, byCheck);
        var attestation = attestations.attestationFor(framework.id(), control.ref());
        var covered = covered(control, checks);
        return switch (checks.status()) {
            case FAIL, UNKNOWN, ERROR -> result(framework.id(), control, checks.status(), checks, attestation, covered);
            case NOT_APPLICABLE ->
                attestation == null
                        ? result(
                                framework.id(),
                                control,
                                ControlStatus.NEEDS_ATTESTATION,
                                checks,
                                null,
                                noVerdict(framework, checks) + " The attested part still applies.")
                        : result(
                                framework.id(),
                                control,
                                ControlStatus.ATTESTED,
                                checks,
                                attestation,
                                noVerdict(framework, checks) + " The attestation covers the rest.");
            default ->
                attestation == null
                        ? result(
                                framework.id(),
                                control,
                                ControlStatus.NEEDS_ATTESTATION,
                                checks,
                                null,
                                covered + " The rest needs an attestation.")
                        : result(framework.id(), control, checks.status(), checks, attestation, covered);
        };
    }

    private static ControlResult attested(
            String frameworkId, ControlDefinition control, ControlAttestations attestations) {
        var attestation = attestations.attestationFor(frameworkId, control.ref());
        var status = attestation == null ? ControlStatus.NEEDS_ATTESTATION : ControlStatus.ATTESTED;
        return new ControlResult(frameworkId, control.ref(), status, 0, 0, 0, 0, 0, attestation, null);
    }

    /** The status the control's checks alone give it. */
    private static CheckStatus checkStatus(ControlDefinition control, Map<String, StatusCounts> byCheck) {
        int pass = 0, fail = 0, waived = 0, unknown = 0, error = 0, notApplicable = 0;
        for (CheckMapping mapping : control.mappedChecks()) {
            var counts = byCheck.getOrDefault(mapping.id(), StatusCounts.NONE);
            notApplicable += counts.notApplicable();
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
        } else if (waived > 0) {
            status = ControlStatus.PASS_WAIVED;
        } else if (pass > 0) {
            status = ControlStatus.PASS;
        } else {
            status = ControlStatus.NOT_APPLICABLE;
        }
        return new CheckStatus(status, pass, fail, waived, unknown, error, notApplicable);
    }

    private static ControlResult result(
            String frameworkId,
            ControlDefinition control,
            ControlStatus status,
            CheckStatus checks,
            @Nullable Long attestation,
            @Nullable String note) {
        return new ControlResult(
                frameworkId,
                control.ref(),
                status,
                checks.pass(),
                checks.fail(),
                checks.waived(),
                checks.unknown(),
                checks.error(),
                attestation,
                note);
    }

    /** How many of a hybrid control's checks its note names; the control page lists them all. */
    private static final int NAMED_CHECKS = 5;

    /** What the checks of a hybrid control covered. */
    private static String covered(ControlDefinition control, CheckStatus checks) {
        var all = control.mappedChecks().stream().map(CheckMapping::id).toList();
        var ids = String.join(", ", all.subList(0, Math.min(all.size(), NAMED_CHECKS)))
                + (all.size() > NAMED_CHECKS ? " and " + (all.size() - NAMED_CHECKS) + " more" : "");
        return "Checks cover part of this control (" + ids + "): " + checks.pass() + " passed, "
                + checks.waived() + " waived, " + checks.fail() + " failed, " + checks.unknown() + " unknown, "
                + checks.error() + " in error.";
    }

    /**
     * Why a hybrid control's checks gave no verdict: nothing matched, or what they matched was out of
     * their sight or outside their conditions (a managed control plane, a file on a node).
     */
    private static String noVerdict(FrameworkDefinition framework, CheckStatus checks) {
        if (checks.notApplicable() == 0) {
            return notApplicable(framework);
        }
        return "Its checks gave no verdict here: " + checks.notApplicable()
                + " not applicable, for example evidence out of the API's sight such as a managed control plane"
                + " or a file on a control-plane node (their findings say which).";
    }

    /** Why a control with no in-scope finding is NOT_APPLICABLE. */
    static String notApplicable(FrameworkDefinition framework) {
        return "No object in scope matched its checks (scope: " + scopeText(framework) + ").";
    }

    /** The framework's scope in words: its description, or its namespace selector. */
    static String scopeText(FrameworkDefinition framework) {
        var scope = framework.effectiveScope();
        if (scope.description() != null && !scope.description().isBlank()) {
            return scope.description().trim();
        }
        return scope.namespaceSelector() == null
                ? "every namespace"
                : "namespaces labelled " + scope.namespaceSelector();
    }
}
