package io.clusterproof.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads the waivers, attestations and drift of a report's scope. */
@Component
class ReportExtrasLoader {

    private final RemediationRecords remediation;
    private final DriftRecords drift;

    ReportExtrasLoader(RemediationRecords remediation, DriftRecords drift) {
        this.remediation = remediation;
        this.drift = drift;
    }

    ReportExtras load(ReportScope scope) {
        var waiverMap = new LinkedHashMap<Long, List<RemediationRecords.Waiver>>();
        var driftMap = new LinkedHashMap<Long, DriftRecords.Drift>();
        for (var cluster : scope.clusters()) {
            var id = cluster.cluster().id();
            waiverMap.put(id, remediation.inForce(id, scope.start(), scope.end()));
            driftMap.put(id, drift.of(id, scope.framework().id(), scope.start(), scope.end()));
        }
        return new ReportExtras(
                waiverMap, remediation.inForce(scope.framework().id(), scope.start(), scope.end()), driftMap);
    }
}
