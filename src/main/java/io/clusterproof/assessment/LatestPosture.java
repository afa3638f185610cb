package io.clusterproof.assessment;

import java.util.List;

/** A cluster's newest main-lineage assessment with its framework scores, ordered by framework id. */
public record LatestPosture(AssessmentSummary assessment, List<FrameworkScore> scores) {}
