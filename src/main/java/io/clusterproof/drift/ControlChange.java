package io.clusterproof.drift;

import io.clusterproof.assessment.ControlStatus;
import org.jspecify.annotations.Nullable;

/**
 * A control whose status differs between two assessments.
 *
 * @param from null when the control was not in the catalog then
 * @param to null when it is not in the catalog now
 */
public record ControlChange(
        String frameworkId,
        String ref,
        @Nullable ControlStatus from,
        @Nullable ControlStatus to) {

    /** Whether it got worse: it passed (or was attested) and does not now. */
    public boolean worse() {
        return from != null && from.passing() && (to == null || !to.passing());
    }
}
