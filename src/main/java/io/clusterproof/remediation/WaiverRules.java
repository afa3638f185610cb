package io.clusterproof.remediation;

import io.clusterproof.assessment.FindingWaivers;
import io.clusterproof.assessment.WaiverPolicy;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the assessment which failing findings are waived: approved before the snapshot, unexpired, in scope. */
@Component
class WaiverRules implements WaiverPolicy {

    private final WaiverRepository waivers;

    WaiverRules(WaiverRepository waivers) {
        this.waivers = waivers;
    }

    @Override
    @Transactional(readOnly = true)
    public FindingWaivers forCluster(long clusterId, Instant asOf) {
        var candidates = waivers.approvedExpiringAfter(asOf);
        return finding -> candidates.stream()
                .filter(w -> w.covers(clusterId, finding, asOf))
                .map(Waiver::id)
                .findFirst()
                .orElse(null);
    }
}
