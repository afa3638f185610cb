package io.clusterproof.evidence;

import java.util.LinkedHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Asks the optional waiver, attestation and drift providers about a report's scope. */
@Component
class ReportExtrasLoader {

    private final ObjectProvider<WaiversInForce> waivers;
    private final ObjectProvider<AttestationsInForce> attestations;
    private final ObjectProvider<DriftSummary> drift;

    ReportExtrasLoader(
            ObjectProvider<WaiversInForce> waivers,
            ObjectProvider<AttestationsInForce> attestations,
            ObjectProvider<DriftSummary> drift) {
        this.waivers = waivers;
        this.attestations = attestations;
        this.drift = drift;
    }

    ReportExtras load(ReportScope scope) {
        var waiverSource = waivers.getIfAvailable();
        var attestationSource = attestations.getIfAvailable();
        var driftSource = drift.getIfAvailable();
        LinkedHashMap<Long, java.util.List<WaiversInForce.Waiver>> waiverMap = null;
        LinkedHashMap<Long, DriftSummary.Drift> driftMap = null;
        if (waiverSource != null) {
            waiverMap = new LinkedHashMap<>();
            for (var cluster : scope.clusters()) {
                waiverMap.put(
                        cluster.cluster().id(),
                        waiverSource.inForce(cluster.cluster().id(), scope.start(), scope.end()));
            }
        }
        if (driftSource != null) {
            driftMap = new LinkedHashMap<>();
            for (var cluster : scope.clusters()) {
                driftMap.put(
                        cluster.cluster().id(),
                        driftSource.of(cluster.cluster().id(), scope.framework().id(), scope.start(), scope.end()));
            }
        }
        return new ReportExtras(
                waiverMap,
                attestationSource == null
                        ? null
                        : attestationSource.inForce(scope.framework().id(), scope.start(), scope.end()),
                driftMap);
    }
}
