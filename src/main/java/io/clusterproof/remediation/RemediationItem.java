package io.clusterproof.remediation;

import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ResourceKey;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
class RemediationItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long clusterId;
    private String checkId;

    private String apiGroup;

    private String kind;
    private String namespace;
    private String name;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String title;
    private @Nullable String team;
    private @Nullable String assignee;

    @Enumerated(EnumType.STRING)
    private ItemStatus status;

    private Instant createdAt;
    private Instant dueAt;
    private Instant updatedAt;
    private @Nullable Instant resolvedAt;
    private @Nullable String ticketUrl;
    private @Nullable Long waiverId;
    private @Nullable Long lastAssessmentId;
    private @Nullable String lastMessage;

    @Version
    private long version;

    protected RemediationItem() {
        this.checkId = "";
        this.apiGroup = "";
        this.kind = "";
        this.namespace = "";
        this.name = "";
        this.severity = Severity.LOW;
        this.title = "";
        this.status = ItemStatus.OPEN;
        this.createdAt = Instant.EPOCH;
        this.dueAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    RemediationItem(
            long clusterId,
            String checkId,
            ResourceKey resource,
            Severity severity,
            String title,
            @Nullable String team,
            ItemStatus status,
            Instant createdAt,
            Instant dueAt) {
        this.clusterId = clusterId;
        this.checkId = checkId;
        this.apiGroup = resource.group();
        this.kind = resource.kind();
        this.namespace = resource.namespace();
        this.name = resource.name();
        this.severity = severity;
        this.title = title;
        this.team = team;
        this.status = status;
        this.createdAt = createdAt;
        this.dueAt = dueAt;
        this.updatedAt = createdAt;
    }

    long id() {
        return id == null ? 0 : id;
    }

    long clusterId() {
        return clusterId;
    }

    String checkId() {
        return checkId;
    }

    ResourceKey resource() {
        return new ResourceKey(apiGroup, kind, namespace, name);
    }

    ItemStatus status() {
        return status;
    }

    @Nullable
    String team() {
        return team;
    }

    @Nullable
    String assignee() {
        return assignee;
    }

    @Nullable
    String ticketUrl() {
        return ticketUrl;
    }

    void moveTo(ItemStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
        this.resolvedAt = next == ItemStatus.RESOLVED ? now : null;
    }

    void acceptRisk(long waiverId, Instant now) {
        this.waiverId = waiverId;
        moveTo(ItemStatus.RISK_ACCEPTED, now);
    }

    /** A finding's message as an item keeps it (the column holds 2,000 characters). */
    static String clip(String message) {
        return message.length() > 2000 ? message.substring(0, 1999) + "…" : message;
    }

    void seenIn(long assessmentId, String message, Instant now) {
        this.lastAssessmentId = assessmentId;
        this.lastMessage = clip(message);
        this.updatedAt = now;
    }

    void assign(@Nullable String team, @Nullable String assignee, Instant now) {
        this.team = team;
        this.assignee = assignee;
        this.updatedAt = now;
    }

    void linkTicket(@Nullable String ticketUrl, Instant now) {
        this.ticketUrl = ticketUrl;
        this.updatedAt = now;
    }

    ItemSummary summary(Instant now) {
        return new ItemSummary(
                id(),
                clusterId,
                checkId,
                resource(),
                severity,
                title,
                team,
                assignee,
                status,
                createdAt,
                dueAt,
                updatedAt,
                resolvedAt,
                ticketUrl,
                waiverId,
                lastAssessmentId,
                lastMessage,
                status.open() && now.isAfter(dueAt));
    }

    /** For the audit log: status, owner and ticket, nothing else. */
    String auditState() {
        return "status=" + status + ", team=" + (team == null ? "-" : team) + ", assignee="
                + (assignee == null ? "-" : assignee) + ", ticket=" + (ticketUrl == null ? "-" : ticketUrl);
    }
}
