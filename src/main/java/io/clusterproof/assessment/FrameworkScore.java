package io.clusterproof.assessment;

/**
 * The two scores of a framework and its automated coverage, each kept with its parts so that the
 * formula can be shown.
 *
 * <ul>
 *   <li>control score = passing controls ÷ controls that could be assessed (PASS, FAIL, ATTESTED,
 *       NEEDS_ATTESTATION; UNKNOWN, ERROR and NOT_APPLICABLE are shown but not counted)
 *   <li>resource score = passing resource-checks (PASS or WAIVED) ÷ all resource-checks except
 *       NOT_APPLICABLE
 *   <li>automated coverage = controls with at least one check ÷ all controls
 * </ul>
 */
public record FrameworkScore(
        String frameworkId,
        int passingControls,
        int assessableControls,
        int passingChecks,
        int totalChecks,
        int automatedControls,
        int totalControls,
        StatusCounts controls,
        StatusCounts findings) {

    public double controlScore() {
        return percent(passingControls, assessableControls);
    }

    public double resourceScore() {
        return percent(passingChecks, totalChecks);
    }

    public double coverage() {
        return percent(automatedControls, totalControls);
    }

    static double percent(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}
