package io.clusterproof.evidence;

import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.catalog.FrameworkDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resolved export request: the framework, the period as instants, and per cluster the
 * assessment it is reported on.
 *
 * @param start the first instant of the period
 * @param end the first instant after it
 * @param systemNamespaces namespaces outside every framework's scope
 */
record ReportScope(
        FrameworkDefinition framework,
        LocalDate from,
        LocalDate to,
        Instant start,
        Instant end,
        ZoneId zone,
        String catalogDigest,
        List<String> systemNamespaces,
        List<ClusterEvidence> clusters) {

    /** The framework's controls that each check provides evidence for, in the framework's order. */
    Map<String, List<ControlDefinition>> controlsByCheck() {
        var byCheck = new LinkedHashMap<String, List<ControlDefinition>>();
        for (var control : framework.controls()) {
            for (var mapping : control.mappedChecks()) {
                byCheck.computeIfAbsent(mapping.id(), k -> new ArrayList<>()).add(control);
            }
        }
        return byCheck;
    }

    /**
     * The findings that are evidence for the framework: in its scope, of a check one of its controls
     * lists. Exactly these make up its resource score.
     */
    FindingFilter findings() {
        return FindingFilter.all()
                .withFramework(framework.id())
                .withChecks(List.copyOf(controlsByCheck().keySet()));
    }

    List<ClusterEvidence> assessed() {
        return clusters.stream().filter(ClusterEvidence::assessed).toList();
    }
}
