package io.clusterproof.demo;

import io.clusterproof.access.ActingAs;
import io.clusterproof.access.Role;
import io.clusterproof.base.ListenerWithoutTransaction;
import io.clusterproof.remediation.AttestationScope;
import io.clusterproof.remediation.AttestationService;
import io.clusterproof.remediation.AttestationSummary;
import io.clusterproof.remediation.ItemStatus;
import io.clusterproof.remediation.RemediationFollowed;
import io.clusterproof.remediation.RemediationService;
import io.clusterproof.remediation.WaiverRequest;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ResourceKey;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's remediation work after the demo cluster's assessment of today has moved its items,
 * once: waivers (approved, expiring soon, and one waiting for a decision), attestations and an
 * item an engineer has started, each made through the services as the demo user who would make
 * it, so the audit log shows them.
 */
class DemoRemediation {

    private static final Logger log = LoggerFactory.getLogger(DemoRemediation.class);

    private final ClusterService clusters;
    private final WaiverService waivers;
    private final AttestationService attestations;
    private final RemediationService remediation;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DemoRemediation(
            ClusterService clusters,
            WaiverService waivers,
            AttestationService attestations,
            RemediationService remediation,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clusters = clusters;
        this.waivers = waivers;
        this.attestations = attestations;
        this.remediation = remediation;
        this.clock = clock;
    }

    /** One event at a time: two threads must not both find no waivers and seed them twice. */
    @ListenerWithoutTransaction
    synchronized void on(RemediationFollowed event) {
        var cluster = clusters.get(event.clusterId()).orElse(null);
        if (cluster == null
                || !cluster.name().equals(DemoCluster.NAME)
                || event.snapshotTakenAt().isBefore(clock.instant().minus(Duration.ofHours(12)))) {
            return;
        }
        var clusterId = event.clusterId();
        // each step in a transaction of its own: a clash with an assessment is simply tried again next time
        try {
            transactions.executeWithoutResult(status -> {
                if (nothingRecordedYet()) {
                    seed(clusterId);
                    log.info("Demo waivers and attestations are ready");
                }
            });
            // items of today's assessment may still be on their way: tried again after the next one
            transactions.executeWithoutResult(status -> startWork(clusterId));
        } catch (RuntimeException e) {
            log.info("The demo's remediation records are not all there yet: {}", e.getMessage());
        }
    }

    private boolean nothingRecordedYet() {
        return waivers.report(WaiverService.Report.ALL).isEmpty()
                && attestations.all().isEmpty();
    }

    private void seed(long clusterId) {
        var now = clock.instant();
        var falco = ActingAs.call(
                "engineer",
                Role.ENGINEER,
                () -> waivers.request(new WaiverRequest(
                        "privileged-container",
                        clusterId,
                        "monitoring",
                        "DaemonSet",
                        "falco",
                        "Falco loads its kernel driver and must run privileged; the nodes run it alone in the"
                                + " monitoring pool, and its image is signed and pinned.",
                        "https://tickets.northwind.example/RISK-101",
                        now.plus(Duration.ofDays(90)))));
        ActingAs.call(
                "officer",
                Role.OFFICER,
                () -> waivers.approve(falco.id(), "Accepted by the risk board on the node isolation."));
        var hostPid = ActingAs.call(
                "engineer",
                Role.ENGINEER,
                () -> waivers.request(new WaiverRequest(
                        "host-pid-ipc",
                        clusterId,
                        "monitoring",
                        "DaemonSet",
                        "falco",
                        "Falco watches every process through the host PID namespace until the eBPF probe is"
                                + " rolled out.",
                        "https://tickets.northwind.example/RISK-102",
                        now.plus(Duration.ofDays(10)))));
        ActingAs.call(
                "officer",
                Role.OFFICER,
                () -> waivers.approve(hostPid.id(), "Until the eBPF rollout; not renewed after."));
        ActingAs.call(
                "engineer2",
                Role.ENGINEER,
                () -> waivers.request(new WaiverRequest(
                        "image-registry-not-allowed",
                        clusterId,
                        "platform",
                        "Deployment",
                        "trivy-operator",
                        "The operator's image is mirrored into the approved registry next sprint; the upstream"
                                + " image is signed by its maintainers.",
                        "https://tickets.northwind.example/PLAT-88",
                        now.plus(Duration.ofDays(30)))));
        ActingAs.call(
                "officer",
                Role.OFFICER,
                () -> attest(
                        "pci-dss-4.0",
                        "12.10.1",
                        "The incident response plan covering this cluster was reviewed and tested in a tabletop"
                                + " exercise on 2 October.",
                        "https://docs.northwind.example/security/irp-2026"));
        ActingAs.call(
                "officer",
                Role.OFFICER,
                () -> attest(
                        "hipaa-security-rule",
                        "164.308(a)(1)(ii)(A)",
                        "The 2026 risk analysis covers the platform, its clusters and the ePHI stores in"
                                + " patient-records.",
                        "https://docs.northwind.example/security/risk-analysis-2026"));
    }

    private AttestationSummary attest(String framework, String ref, String statement, String link) {
        return attestations.record(framework, ref, AttestationScope.organisation(), statement, link, null, null);
    }

    private void startWork(long clusterId) {
        var item = remediation
                .find(
                        clusterId,
                        "image-registry-not-allowed",
                        new ResourceKey("apps", "StatefulSet", "payments", "payments-db"))
                .orElse(null);
        if (item == null
                || item.status() != ItemStatus.OPEN
                || remediation.history(item.id()).stream()
                        .anyMatch(h -> h.actor().equals("engineer"))) {
            return;
        }
        ActingAs.call("engineer", Role.ENGINEER, () -> remediation.start(item.id()));
        ActingAs.call(
                "engineer",
                Role.ENGINEER,
                () -> remediation.linkTicket(item.id(), "https://tickets.northwind.example/PAY-412"));
        ActingAs.call(
                "engineer",
                Role.ENGINEER,
                () -> remediation.comment(
                        item.id(),
                        "Mirroring postgres:16.4 into registry.northwind.example; the rollout is planned for Tuesday."));
    }
}
