package io.clusterproof.assessment;

import java.util.List;

/**
 * A framework's scores and coverage, each kept with its parts so that the formula can be shown.
 * The control score and the verified share share one denominator: every control in scope except
 * NOT_APPLICABLE. A framework whose scope nothing in the cluster falls into is not scored at all.
 *
 * @param verifiedControls automated controls that PASS by checks alone (no waiver, no attestation)
 * @param automatedControls controls that checks prove completely ({@code type: automated})
 * @param totalControls every control of the framework in the catalog
 * @param severities the resource score per check severity, most severe first
 * @param scopeEmpty no namespace of the cluster is in the framework's scope
 */
public record FrameworkScore(
        String frameworkId,
        ControlCounts controls,
        int verifiedControls,
        int automatedControls,
        int totalControls,
        StatusCounts findings,
        List<SeverityScore> severities,
        boolean scopeEmpty) {

    /** The control score's formula, word for word wherever the score is explained. */
    public static final String CONTROL_SCORE_FORMULA =
            "Control score = (Pass + Pass (waived) + Attested) ÷ (every control in scope − Not applicable). "
                    + "Fail, Needs attestation, Unknown and Error count in the denominator, "
                    + "so data that was not collected never raises the score.";

    /** The verified share's formula, word for word wherever the share is explained. */
    public static final String VERIFIED_SHARE_FORMULA =
            "Verified share = controls that pass by checks alone (automated controls, no waiver, no attestation) "
                    + "÷ the same denominator.";

    public static final String RESOURCE_SCORE_FORMULA =
            "Resource score = resource-checks that pass or are waived ÷ every resource-check except those not applicable.";

    public FrameworkScore {
        severities = List.copyOf(severities);
    }

    /** The control score's numerator: PASS + PASS_WAIVED + ATTESTED. */
    public int passingControls() {
        return controls.passing();
    }

    /** The denominator of the control score and the verified share. */
    public int scoredControls() {
        return controls.counted();
    }

    public int passingChecks() {
        return findings.pass() + findings.waived();
    }

    public int totalChecks() {
        return findings.counted();
    }

    /** Whether the framework has a score: something is in its scope, and some control counts. */
    public boolean scored() {
        return !scopeEmpty && scoredControls() > 0;
    }

    public double controlScore() {
        return percent(passingControls(), scoredControls());
    }

    public double verifiedShare() {
        return percent(verifiedControls, scoredControls());
    }

    public double resourceScore() {
        return percent(passingChecks(), totalChecks());
    }

    public double coverage() {
        return percent(automatedControls, totalControls);
    }

    /** "of the 87 requirements in this catalog": what the automated coverage is measured against. */
    public String coverageBasis() {
        return automatedControls + " automated of the " + totalControls + " requirements in this catalog";
    }

    static double percent(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}
