package io.clusterproof.evidence;

/** Where a long export reports how far it got, for the view's progress bar. */
@FunctionalInterface
interface Progress {

    Progress NONE = (step, fraction) -> {};

    /** @param fraction 0 to 1 of the current part */
    void report(String step, double fraction);

    /** This progress mapped onto a slice {@code [from, to]} of the whole. */
    default Progress slice(double from, double to) {
        return (step, fraction) -> report(step, from + (to - from) * Math.max(0, Math.min(1, fraction)));
    }
}
