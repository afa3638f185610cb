package io.clusterproof.remediation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
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
            String statement,
            @Nullable String evidenceUrl,
            @Nullable EvidenceFile file,
            String attestedBy,
            Instant attestedAt,
            Instant expiresAt) {
        this.frameworkId = frameworkId;
        this.controlRef = controlRef;
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

    void revoke(String by, Instant at) {
        this.revokedBy = by;
        this.revokedAt = at;
    }

    @Nullable
    Instant revokedAt() {
        return revokedAt;
    }

    AttestationSummary summary(Instant now) {
        return new AttestationSummary(
                id(),
                frameworkId,
                controlRef,
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
        return "control=" + frameworkId + " " + controlRef + ", expires=" + expiresAt
                + (evidenceDigest == null ? "" : ", evidence sha256=" + evidenceDigest)
                + (evidenceUrl == null ? "" : ", evidence link=" + evidenceUrl)
                + (revokedAt == null ? "" : ", revoked=" + revokedAt);
    }
}
