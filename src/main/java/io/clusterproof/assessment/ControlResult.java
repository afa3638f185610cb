package io.clusterproof.assessment;

import org.jspecify.annotations.Nullable;

/**
 * A control's status in one assessment, with the finding counts it was derived from.
 *
 * @param attestationId the attestation that makes it ATTESTED, or completes a hybrid control's PASS
 * @param note why it is NOT_APPLICABLE, or what the checks of a hybrid control covered; null otherwise
 */
public record ControlResult(
        String frameworkId,
        String ref,
        ControlStatus status,
        int pass,
        int fail,
        int waived,
        int unknown,
        int error,
        @Nullable Long attestationId,
        @Nullable String note) {

    /** The longest note the store keeps (the column's width). */
    public static final int MAX_NOTE = 1000;

    public ControlResult {
        if (note != null && note.length() > MAX_NOTE) {
            note = note.substring(0, MAX_NOTE - 1) + "…";
        }
    }
}
