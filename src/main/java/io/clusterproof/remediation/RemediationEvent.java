package io.clusterproof.remediation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** One line of an item's history. */
@Entity
@Immutable
class RemediationEvent {

    enum Kind {
        CREATED,
        STATUS,
        ASSIGNED,
        TEAM,
        TICKET,
        COMMENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long itemId;
    private Instant occurredAt;
    private String actor;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private @Nullable ItemStatus fromStatus;

    @Enumerated(EnumType.STRING)
    private @Nullable ItemStatus toStatus;

    private @Nullable String text;

    protected RemediationEvent() {
        this.occurredAt = Instant.EPOCH;
        this.actor = "";
        this.kind = Kind.COMMENT;
    }

    RemediationEvent(
            long itemId,
            Instant occurredAt,
            String actor,
            Kind kind,
            @Nullable ItemStatus fromStatus,
            @Nullable ItemStatus toStatus,
            @Nullable String text) {
        this.itemId = itemId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.kind = kind;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.text = text;
    }

    ItemHistoryEntry entry() {
        return new ItemHistoryEntry(occurredAt, actor, kind.name(), fromStatus, toStatus, text);
    }
}
