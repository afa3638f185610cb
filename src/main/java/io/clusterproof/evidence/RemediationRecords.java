package io.clusterproof.evidence;

import io.clusterproof.remediation.AttestationService;
import io.clusterproof.remediation.AttestationSummary;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.remediation.WaiverSummary;
import io.clusterproof.snapshot.ClusterService;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The waivers and attestations a report shows, read from the remediation module. */
@Component
class RemediationRecords {

    private final WaiverService waivers;
    private final AttestationService attestations;
    private final ClusterService clusters;

    RemediationRecords(WaiverService waivers, AttestationService attestations, ClusterService clusters) {
        this.waivers = waivers;
        this.attestations = attestations;
        this.clusters = clusters;
    }

    /** Waivers approved and unexpired for the cluster at any time in {@code [from, to)}, ordered by id. */
    List<Waiver> inForce(long clusterId, Instant from, Instant to) {
        var name = clusters.get(clusterId).map(c -> c.name()).orElse("cluster " + clusterId);
        return waivers.inForce(clusterId, from, to).stream()
                .map(w -> waiver(w, name))
                .toList();
    }

    /** Attestations of the framework's controls valid at any time in {@code [from, to)}, ordered by control. */
    List<Attestation> inForce(String frameworkId, Instant from, Instant to) {
        return attestations.all().stream()
                .filter(a -> a.frameworkId().equals(frameworkId))
                .filter(a -> a.attestedAt().isBefore(to))
                .filter(a -> end(a).isAfter(from))
                .sorted(Comparator.comparing(AttestationSummary::controlRef).thenComparing(AttestationSummary::id))
                .map(RemediationRecords::attestation)
                .toList();
    }

    private static Instant end(AttestationSummary a) {
        return a.revokedAt() != null && a.revokedAt().isBefore(a.expiresAt()) ? a.revokedAt() : a.expiresAt();
    }

    /** Waivers in force for one cluster cover it, or every cluster. */
    private static Waiver waiver(WaiverSummary w, String clusterName) {
        return new Waiver(
                w.id(),
                w.checkId(),
                w.scope(id -> clusterName),
                w.justification(),
                w.ticketUrl(),
                w.requestedBy(),
                w.decidedBy() == null ? "" : w.decidedBy(),
                w.decidedAt() == null ? w.requestedAt() : w.decidedAt(),
                w.revokedAt() != null && w.revokedAt().isBefore(w.expiresAt()) ? w.revokedAt() : w.expiresAt());
    }

    private static Attestation attestation(AttestationSummary a) {
        var evidence = a.evidenceUrl() != null
                ? a.evidenceUrl()
                : a.evidenceFileName() == null ? null : a.evidenceFileName() + " (SHA-256 " + a.evidenceDigest() + ")";
        return new Attestation(
                a.id(),
                a.frameworkId(),
                a.controlRef(),
                a.scope(),
                a.statement(),
                a.attestedBy(),
                a.attestedAt(),
                end(a),
                evidence);
    }

    /**
     * A risk acceptance as the report shows it.
     *
     * @param id the id findings carry as {@code waiverId}
     * @param covers what it covers, for people: a check and resource, or a check in a namespace
     * @param ticket the change or risk ticket, if any
     */
    record Waiver(
            long id,
            String checkId,
            String covers,
            String reason,
            @Nullable String ticket,
            String requestedBy,
            String approvedBy,
            Instant approvedAt,
            Instant expiresAt) {}

    /**
     * A person's statement that an attestation control is met.
     *
     * @param id the id control results carry as {@code attestationId}
     * @param covers the clusters it covers, in words ("every cluster (organisation-wide)" or names)
     * @param evidence where the supporting document is kept (a link or a document number), if given
     */
    record Attestation(
            long id,
            String frameworkId,
            String controlRef,
            String covers,
            String statement,
            String attestedBy,
            Instant attestedAt,
            Instant expiresAt,
            @Nullable String evidence) {}
}
