package io.clusterproof.drift;

/** How a finding moved between two assessments, as far as anyone needs to act on it. */
public enum FindingChangeCategory {
    /** FAIL now, not before (a new resource, a new check, a regression, or a waiver that ended). */
    NEWLY_FAILING("Newly failing"),
    /** FAIL before; now passing, not applicable, or its resource is gone. */
    FIXED("Fixed"),
    /** WAIVED now, not before. */
    NEWLY_WAIVED("Newly waived"),
    /** UNKNOWN now, not before: the data it needs was not collected. */
    NEWLY_UNKNOWN("Newly unknown"),
    /** ERROR now, not before: the rule could not be evaluated. */
    NEWLY_ERROR("Newly in error");

    private final String label;

    FindingChangeCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
