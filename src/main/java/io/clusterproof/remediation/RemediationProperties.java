package io.clusterproof.remediation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param teamLabels labels that name the owning team, looked for on the resource, then on its namespace
 * @param slaCritical time to fix a critical failure
 * @param maxWaiver longest a waiver may run
 * @param expiringSoon waivers expiring within this are reported as expiring
 * @param maxEvidenceBytes largest evidence file an attestation may carry
 * @param separationDays an officer may not approve a waiver of someone who created their account or
 *     gave it its role within this many days
 */
@ConfigurationProperties("clusterproof.remediation")
public record RemediationProperties(
        @DefaultValue({"team", "owner", "app.kubernetes.io/part-of"})
        List<String> teamLabels,

        @DefaultValue("7d") Duration slaCritical,
        @DefaultValue("30d") Duration slaHigh,
        @DefaultValue("90d") Duration slaMedium,
        @DefaultValue("180d") Duration slaLow,
        @DefaultValue("180d") Duration maxWaiver,
        @DefaultValue("14d") Duration expiringSoon,
        @DefaultValue("10485760") long maxEvidenceBytes,
        @DefaultValue("90") int separationDays) {}
