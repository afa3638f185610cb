package io.clusterproof.remediation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

@Entity
class Attestation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String frameworkId;
    private String controlRef;
    private String statement;
    private @Nullable String evidenceUrl;
    private @Nullable String evidenceFileName;
    private @Nullable String evidenceContentType;
    private @Nullable Long evidenceSize;
    private @Nullable String evidenceDigest;
    private String attestedBy;
    private Instant attestedAt;
    private Instant expiresAt;
    private @Nullable String revokedBy;
    private @Nullable Instant revokedAt;
    private boolean organisationWide;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "attestation_cluster", joinColumns = @JoinColumn(name = "attestation_id"))
    @Column(name = "cluster_id")
    private Set<Long> clusterIds = new HashSet<>();

    protected Attestation() {
        this.frameworkId = "";
        this.controlRef = "";
        this.statement = "";
        this.attestedBy = "";
        this.attestedAt = Instant.EPOCH;
        this.expiresAt = Instant.EPOCH;
    }

    Attestation(
            String frameworkId,
            String controlRef,
            AttestationScope scope,
            String statement,
            @Nullable String evidenceUrl,
            @Nullable EvidenceFile file,
            String attestedBy,
            Instant attestedAt,
            Instant expiresAt) {
        this.frameworkId = frameworkId;
        this.controlRef = controlRef;
        this.organisationWide = scope.organisationWide();
        this.clusterIds = new HashSet<>(scope.clusterIds());
        this.statement = statement;
        this.evidenceUrl = evidenceUrl;
        if (file != null) {
            this.evidenceFileName = file.name();
            this.evidenceContentType = file.contentType();
            this.evidenceSize = (long) file.content().length;
            this.evidenceDigest = file.digest();
        }
        this.attestedBy = attestedBy;
        this.attestedAt = attestedAt;
        this.expiresAt = expiresAt;
    }

    long id() {
        return id == null ? 0 : id;
    }

    String key() {
        return frameworkId + "|" + controlRef;
    }

    boolean validAt(Instant at) {
        return !attestedAt.isAfter(at) && at.isBefore(expiresAt) && (revokedAt == null || revokedAt.isAfter(at));
    }

    AttestationScope scope() {
        return organisationWide ? AttestationScope.organisation() : AttestationScope.clusters(clusterIds);
    }

    /** Whether it counts for this cluster's assessments. */
    boolean covers(long clusterId) {
        return organisationWide || clusterIds.contains(clusterId);
    }

    /** The scope in words: "every cluster (organisation-wide)" or the clusters' names. */
    String scopeText(LongFunction<String> clusterName) {
        return organisationWide
                ? "every cluster (organisation-wide)"
                : new TreeSet<>(clusterIds).stream().map(clusterName::apply).collect(Collectors.joining(", "));
    }

    void revoke(String by, Instant at) {
        this.revokedBy = by;
        this.revokedAt = at;
    }

    @Nullable
    Instant revokedAt() {
        return revokedAt;
    }

    AttestationSummary summary(Instant now, LongFunction<String> clusterName) {
        return new AttestationSummary(
                id(),
                frameworkId,
                controlRef,
                organisationWide,
                Set.copyOf(clusterIds),
                scopeText(clusterName),
                statement,
                evidenceUrl,
                evidenceFileName,
                evidenceContentType,
                evidenceSize,
                evidenceDigest,
                attestedBy,
                attestedAt,
                expiresAt,
                revokedBy,
                revokedAt,
                validAt(now));
    }

    String auditState() {
        return "control=" + frameworkId + " " + controlRef + ", scope="
                + (organisationWide ? "organisation" : "clusters " + new TreeSet<>(clusterIds)) + ", expires="
                + expiresAt
                + (evidenceDigest == null ? "" : ", evidence sha256=" + evidenceDigest)
                + (evidenceUrl == null ? "" : ", evidence link=" + evidenceUrl)
                + (revokedAt == null ? "" : ", revoked=" + revokedAt);
    }
}
