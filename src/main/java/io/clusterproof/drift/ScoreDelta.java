package io.clusterproof.drift;

/** How one score of one framework moved between two assessments, in percentage points. */
public record ScoreDelta(String frameworkId, ScoreType type, double from, double to) {

    /** The two scores of DESIGN.md: controls passing, and resource-checks passing. */
    public enum ScoreType {
        CONTROL("Control score"),
        RESOURCE("Resource score");

        private final String label;

        ScoreType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public double delta() {
        return Math.round((to - from) * 10) / 10.0;
    }
}
