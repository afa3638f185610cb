package io.clusterproof.assessment;

import java.util.List;

/** What the engine found: every finding, every control's status, and each framework's scores. */
public record AssessmentResult(
        String catalogDigest, List<Finding> findings, List<ControlResult> controls, List<FrameworkScore> scores) {}
