package io.clusterproof.remediation;

import io.clusterproof.assessment.RemediationLink;
import io.clusterproof.assessment.RemediationLinks;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.snapshot.ResourceKey;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Lets a finding point at the item that tracks it. */
@Component
class RemediationLinker implements RemediationLinks {

    private final RemediationService remediation;

    RemediationLinker(RemediationService remediation) {
        this.remediation = remediation;
    }

    @Override
    public Optional<RemediationLink> forFinding(long clusterId, String checkId, ResourceKey resource) {
        return remediation
                .find(clusterId, checkId, resource)
                .map(item -> new RemediationLink(
                        "#" + item.id() + " · " + EnumLabels.of(item.status()).toLowerCase(java.util.Locale.ROOT)
                                + (item.team() == null ? "" : " · team " + item.team()),
                        "remediation/" + item.id()));
    }
}
