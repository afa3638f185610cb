package io.clusterproof.evidence;

import io.clusterproof.assessment.ControlResult;
import io.clusterproof.assessment.Finding;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.assessment.StatusCounts;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.evidence.RemediationRecords.Attestation;
import io.clusterproof.evidence.RemediationRecords.Waiver;
import io.clusterproof.snapshot.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One assessment as an OSCAL document reports it: a stored assessment of a cluster, or a scan of
 * manifests.
 *
 * @param key what the document's UUIDs are derived from; the same key gives the same UUIDs
 * @param target what was assessed, for people: a cluster name, or the scanned paths
 * @param collected when the data was collected (the snapshot's time)
 * @param assessedAt when the assessment finished
 * @param staleAt when the collected data is out of date
 * @param attestations the attestations its control results name
 * @param waivers the waivers its findings name
 * @param provenance how the assessed snapshot was obtained (an agent's signature and key among it);
 *     null for a scan of manifests, which has no stored snapshot
 */
public record OscalAssessment(
        String key,
        String target,
        Instant collected,
        Instant assessedAt,
        Instant staleAt,
        String snapshotDigest,
        String catalogDigest,
        boolean partial,
        List<Framework> frameworks,
        List<Attestation> attestations,
        List<Waiver> waivers,
        @Nullable Provenance provenance) {

    /** Without a collection schedule, data counts as stale after two days, as on the dashboard. */
    public static final Duration UNSCHEDULED_VALIDITY = Duration.ofDays(2);

    /**
     * A framework's part of the assessment.
     *
     * @param controls the status of each of its controls
     * @param countsByCheck in-scope finding counts of each check
     */
    public record Framework(
            FrameworkDefinition definition, List<ControlResult> controls, Map<String, StatusCounts> countsByCheck) {

        /** From an assessment that is not stored (a scan): its control results and findings. */
        public static Framework of(
                FrameworkDefinition definition, List<ControlResult> controls, List<Finding> findings) {
            var counters = new HashMap<String, int[]>();
            for (var finding : findings) {
                if (finding.frameworks().contains(definition.id())) {
                    counters.computeIfAbsent(finding.checkId(), k -> new int[FindingStatus.values().length])[
                            finding.status().ordinal()]++;
                }
            }
            var counts = new HashMap<String, StatusCounts>();
            counters.forEach((check, c) -> counts.put(check, counts(c)));
            return new Framework(
                    definition,
                    controls.stream()
                            .filter(c -> c.frameworkId().equals(definition.id()))
                            .toList(),
                    counts);
        }

        private static StatusCounts counts(int[] byStatus) {
            return new StatusCounts(
                    byStatus[FindingStatus.PASS.ordinal()],
                    byStatus[FindingStatus.FAIL.ordinal()],
                    byStatus[FindingStatus.WAIVED.ordinal()],
                    byStatus[FindingStatus.UNKNOWN.ordinal()],
                    byStatus[FindingStatus.ERROR.ordinal()],
                    byStatus[FindingStatus.NOT_APPLICABLE.ordinal()]);
        }
    }
}
