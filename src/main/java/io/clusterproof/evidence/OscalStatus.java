package io.clusterproof.evidence;

import io.clusterproof.assessment.ControlResult;

/**
 * How a control's status reads in OSCAL: the finding target's state ({@code satisfied} or
 * {@code not-satisfied}), a reason token and the reason in words. Only evidence that proves the
 * whole control is {@code satisfied}; OSCAL's {@code not-satisfied} covers "may be partially
 * satisfied", which is where partial evidence, missing data and waived failures belong.
 */
record OscalStatus(String state, String reason, String remarks) {

    static final String SATISFIED = "satisfied";
    static final String NOT_SATISFIED = "not-satisfied";

    static OscalStatus of(ControlResult result) {
        return switch (result.status()) {
            case PASS ->
                result.waived() > 0
                        ? waived(result.waived())
                        : new OscalStatus(
                                SATISFIED, "pass", "evidenced: all " + results(result.pass()) + " of its checks pass");
            case FAIL -> notSatisfied("fail", "failing: " + results(result.fail()) + " of its checks fail");
            case UNKNOWN ->
                notSatisfied(
                        "other",
                        "not evidenced: the data " + results(result.unknown())
                                + " of its checks need was not collected");
            case ERROR ->
                notSatisfied(
                        "other", "not evidenced: " + results(result.error()) + " of its checks could not be evaluated");
            case NOT_APPLICABLE -> notSatisfied("other", "not applicable: no resource in scope matched its checks");
            case NEEDS_ATTESTATION ->
                result.pass() > 0
                        ? notSatisfied("other", "partially evidenced: attestation missing")
                        : notSatisfied(
                                "other",
                                "not evidenced: no API object can prove it and no valid attestation is on record");
            case ATTESTED -> new OscalStatus(SATISFIED, "pass", "attested: a valid attestation covers it");
        };
    }

    /** A failure accepted as a risk is still a failure of the control; the waiver is the related risk. */
    private static OscalStatus waived(int waived) {
        return notSatisfied(
                "other",
                "passes only because waivers accept " + results(waived) + " that fail (see the related risks)");
    }

    private static OscalStatus notSatisfied(String reason, String remarks) {
        return new OscalStatus(NOT_SATISFIED, reason, remarks);
    }

    private static String results(int count) {
        return count == 1 ? "1 result" : count + " results";
    }
}
