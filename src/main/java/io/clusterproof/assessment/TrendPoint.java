package io.clusterproof.assessment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One framework's scores at one snapshot time.
 *
 * @param scored false when nothing of the cluster was in the framework's scope (or no control
 *     counted): such a point has no score, and charts leave a gap there instead of plotting 0
 */
public record TrendPoint(
        long assessmentId,
        Instant takenAt,
        double controlScore,
        double verifiedShare,
        double resourceScore,
        boolean scored) {

    /** The control score to plot, or null where there is none. */
    public @Nullable Double plottedControlScore() {
        return scored ? controlScore : null;
    }

    /** The verified share to plot, or null where there is none. */
    public @Nullable Double plottedVerifiedShare() {
        return scored ? verifiedShare : null;
    }

    /** The resource score to plot, or null where there is none. */
    public @Nullable Double plottedResourceScore() {
        return scored ? resourceScore : null;
    }
}
