package io.clusterproof.remediation;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes in the audit log, once, that each attestation recorded before attestations had scopes now
 * counts as organisation-wide (the database migration flags them; SQL cannot write the audit log).
 */
@Component
class AttestationScopeNotes {

    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;

    AttestationScopeNotes(JdbcTemplate jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void notePending() {
        var pending = jdbc.queryForList(
                "select id from attestation where scope_note_pending = true order by id for update", Long.class);
        for (var id : pending) {
            auditLog.recordAs(
                    "system",
                    AuditEvent.of("ATTESTATION_SCOPE_MIGRATED", "attestation", String.valueOf(id))
                            .change("scope=none (counted for every cluster)", "scope=organisation")
                            .withDetail("Recorded before attestations named their clusters; kept as an "
                                    + "organisation-wide attestation, which every cluster, including clusters "
                                    + "registered later, inherits."));
            jdbc.update("update attestation set scope_note_pending = false where id = ?", id);
        }
    }
}
