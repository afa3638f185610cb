package io.clusterproof.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** One line of the audit log. Hibernate never updates it and the database refuses to. */
@Entity
@Immutable
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private Instant occurredAt;
    private String actor;
    private String action;
    private String targetType;
    private @Nullable String targetId;

    @Column(name = "before_state")
    private @Nullable String before;

    @Column(name = "after_state")
    private @Nullable String after;

    private @Nullable String detail;

    protected AuditEntry() {
        this.occurredAt = Instant.EPOCH;
        this.actor = "";
        this.action = "";
        this.targetType = "";
    }

    AuditEntry(Instant occurredAt, String actor, AuditEvent event) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = event.action();
        this.targetType = event.targetType();
        this.targetId = event.targetId();
        this.before = event.before();
        this.after = event.after();
        this.detail = event.detail();
    }

    AuditRecord toRecord() {
        return new AuditRecord(
                id == null ? 0 : id, occurredAt, actor, action, targetType, targetId, before, after, detail);
    }
}
