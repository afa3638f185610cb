package io.clusterproof.assessment;

/**
 * A check's status on one resource, and whether a NOT_APPLICABLE means the evidence is out of the
 * API's sight (a managed control plane, a file on the node) rather than that the check does not
 * apply: out of sight proves nothing either way.
 */
public record FindingOutcome(FindingStatus status, boolean outOfSight) {

    /** How a finding's message starts when its evidence cannot be seen through the API. */
    public static final String OUT_OF_SIGHT_PREFIX = "Not visible through the API: ";

    static FindingOutcome of(FindingStatus status, String message) {
        return new FindingOutcome(
                status, status == FindingStatus.NOT_APPLICABLE && message.startsWith(OUT_OF_SIGHT_PREFIX));
    }
}
