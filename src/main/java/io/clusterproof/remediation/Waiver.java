package io.clusterproof.remediation;

import io.clusterproof.assessment.Finding;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

@Entity
class Waiver {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String checkId;
    private @Nullable Long clusterId;
    private @Nullable String namespace;
    private @Nullable String kind;
    private @Nullable String namePattern;
    private String justification;
    private String ticketUrl;
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    private WaiverStatus status;

    private String requestedBy;
    private String requestedFor;
    private Instant requestedAt;
    private @Nullable String decidedBy;
    private @Nullable Instant decidedAt;
    private @Nullable String decisionNote;
    private @Nullable String revokedBy;
    private @Nullable Instant revokedAt;
    private @Nullable String revokeNote;

    @Version
    private long version;

    protected Waiver() {
        this.checkId = "";
        this.justification = "";
        this.ticketUrl = "";
        this.expiresAt = Instant.EPOCH;
        this.status = WaiverStatus.REQUESTED;
        this.requestedBy = "";
        this.requestedFor = "";
        this.requestedAt = Instant.EPOCH;
    }

    Waiver(WaiverRequest request, String requestedBy, String requestedFor, Instant now) {
        this.checkId = request.checkId();
        this.clusterId = request.clusterId();
        this.namespace = blank(request.namespace());
        this.kind = blank(request.kind());
        this.namePattern = blank(request.namePattern());
        this.justification = request.justification().trim();
        this.ticketUrl = request.ticketUrl().trim();
        this.expiresAt = request.expiresAt();
        this.status = WaiverStatus.REQUESTED;
        this.requestedBy = requestedBy;
        this.requestedFor = requestedFor;
        this.requestedAt = now;
    }

    long id() {
        return id == null ? 0 : id;
    }

    String requestedBy() {
        return requestedBy;
    }

    String requestedFor() {
        return requestedFor;
    }

    WaiverStatus status() {
        return status;
    }

    void decide(WaiverStatus decision, String officer, @Nullable String note, Instant now) {
        this.status = decision;
        this.decidedBy = officer;
        this.decidedAt = now;
        this.decisionNote = note;
    }

    /** Ends an approved waiver early; the approval stays on record. */
    void revoke(String by, @Nullable String note, Instant now) {
        this.status = WaiverStatus.REVOKED;
        this.revokedBy = by;
        this.revokedAt = now;
        this.revokeNote = note;
    }

    /** Whether it was approved and in force at some moment of {@code [from, to)}. */
    boolean inForceDuring(Instant from, Instant to) {
        var approvedAt = decidedAt;
        var end = revokedAt != null && revokedAt.isBefore(expiresAt) ? revokedAt : expiresAt;
        return (status == WaiverStatus.APPROVED || status == WaiverStatus.REVOKED)
                && approvedAt != null
                && approvedAt.isBefore(to)
                && end.isAfter(from);
    }

    /** Whether it covers a failing finding of a cluster at a time: approved before then, not expired, in scope. */
    boolean covers(long cluster, Finding finding, Instant at) {
        return status == WaiverStatus.APPROVED
                && decidedAt != null
                && !decidedAt.isAfter(at)
                && at.isBefore(expiresAt)
                && checkId.equals(finding.checkId())
                && (clusterId == null || clusterId == cluster)
                && (namespace == null || namespace.equals(finding.resource().namespace()))
                && (kind == null || kind.equals(finding.resource().kind()))
                && (namePattern == null
                        || glob(namePattern).matcher(finding.resource().name()).matches());
    }

    WaiverSummary summary(Instant now) {
        return new WaiverSummary(
                id(),
                checkId,
                clusterId,
                namespace,
                kind,
                namePattern,
                justification,
                ticketUrl,
                expiresAt,
                status,
                requestedBy,
                requestedAt,
                decidedBy,
                decidedAt,
                decisionNote,
                revokedBy,
                revokedAt,
                revokeNote,
                status == WaiverStatus.APPROVED && now.isBefore(expiresAt));
    }

    String auditState() {
        return "status=" + status + ", check=" + checkId + ", cluster=" + (clusterId == null ? "*" : clusterId)
                + ", namespace=" + (namespace == null ? "*" : namespace) + ", kind=" + (kind == null ? "*" : kind)
                + ", name=" + (namePattern == null ? "*" : namePattern) + ", expires=" + expiresAt + ", ticket="
                + ticketUrl;
    }

    static Pattern glob(String pattern) {
        var regex = new StringBuilder();
        for (var part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
