package io.clusterproof.evidence;

import io.clusterproof.evidence.DriftRecords.Drift;
import io.clusterproof.evidence.RemediationRecords.Attestation;
import io.clusterproof.evidence.RemediationRecords.Waiver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The waivers, attestations and drift of a report's scope. A null field means they were not read
 * (as in {@link #NONE}), which the report states rather than showing an empty list.
 *
 * @param waivers per cluster id
 * @param drift per cluster id
 */
record ReportExtras(
        @Nullable Map<Long, List<Waiver>> waivers,
        @Nullable List<Attestation> attestations,
        @Nullable Map<Long, Drift> drift) {

    static final ReportExtras NONE = new ReportExtras(null, null, null);

    Map<Long, Waiver> waiversById(long clusterId) {
        var byId = new HashMap<Long, Waiver>();
        if (waivers != null) {
            waivers.getOrDefault(clusterId, List.of()).forEach(w -> byId.put(w.id(), w));
        }
        return byId;
    }
}
