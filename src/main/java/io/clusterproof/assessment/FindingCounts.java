package io.clusterproof.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finding counts per framework, check and status, added up batch by batch: all that scoring needs
 * of findings that are not kept.
 */
final class FindingCounts {

    private final Map<String, Map<String, int[]>> byFramework = new HashMap<>();
    private int findings;

    void add(List<Finding> batch) {
        for (var finding : batch) {
            findings++;
            for (var framework : finding.frameworks()) {
                byFramework.computeIfAbsent(framework, f -> new HashMap<>())
                        .computeIfAbsent(finding.checkId(), c -> new int[FindingStatus.values().length])[
                        finding.status().ordinal()]++;
            }
        }
    }

    /** In-scope finding counts per check for one framework. */
    Map<String, StatusCounts> byCheck(String frameworkId) {
        var counts = new HashMap<String, StatusCounts>();
        byFramework.getOrDefault(frameworkId, Map.of()).forEach((check, c) -> counts.put(check, Scoring.of(c)));
        return counts;
    }

    int findings() {
        return findings;
    }
}
