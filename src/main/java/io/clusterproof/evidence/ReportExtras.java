package io.clusterproof.evidence;

import io.clusterproof.evidence.AttestationsInForce.Attestation;
import io.clusterproof.evidence.DriftSummary.Drift;
import io.clusterproof.evidence.WaiversInForce.Waiver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the modules keeping waivers, attestations and drift say about a report's scope. A null
 * field means no module supplies it, which the report states rather than showing an empty list.
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
