package io.clusterproof.remediation;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Writes an item change twice: to its own history and to the audit log. */
@Component
class ItemLog {

    private final RemediationEventRepository events;
    private final AuditLog auditLog;

    ItemLog(RemediationEventRepository events, AuditLog auditLog) {
        this.events = events;
        this.auditLog = auditLog;
    }

    void record(
            RemediationItem item,
            String actor,
            RemediationEvent.Kind kind,
            @Nullable ItemStatus from,
            @Nullable String before,
            @Nullable String text,
            Instant at) {
        events.save(new RemediationEvent(item.id(), at, actor, kind, from, item.status(), text));
        auditLog.recordAs(
                actor,
                AuditEvent.of("REMEDIATION_ITEM_" + kind.name(), "remediation-item", String.valueOf(item.id()))
                        .change(before, item.auditState())
                        .withDetail(text));
    }
}
