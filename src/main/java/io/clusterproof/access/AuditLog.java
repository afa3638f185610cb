package io.clusterproof.access;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of who changed what. Writers join the caller's transaction, so a change
 * and its audit entry are stored together or not at all. There is no method to change or remove an
 * entry.
 */
@Service
public class AuditLog {

    static final String SYSTEM_ACTOR = "system";

    private final AuditEntryRepository entries;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Records an event on behalf of the signed-in user (or {@code system} for scheduled work). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        recordAs(currentActor(), event);
    }

    /** Records an event for a named actor, e.g. the username typed at a failed sign-in. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String actor, AuditEvent event) {
        entries.save(new AuditEntry(clock.instant(), actor, event));
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.AUDITOR_NAME})
    @Transactional(readOnly = true)
    public Page<AuditRecord> find(AuditQuery query, Pageable pageable) {
        return entries.findAll(AuditFilter.of(query), pageable).map(AuditEntry::toRecord);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.AUDITOR_NAME})
    @Transactional(readOnly = true)
    public List<String> actions() {
        return entries.distinctActions();
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.AUDITOR_NAME})
    @Transactional(readOnly = true)
    public List<String> targetTypes() {
        return entries.distinctTargetTypes();
    }

    /** The name the audit log would record for work done now: the signed-in user, a token, or {@code system}. */
    public static String currentActorName() {
        return currentActor();
    }

    /**
     * The person accountable for the current action: the signed-in user, or for an API token the
     * administrator who created it. Separation-of-duty rules compare these.
     */
    public static String currentAccountableName() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AccountableActor actor) {
            return actor.accountablePerson();
        }
        return currentActor();
    }

    static String currentActor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM_ACTOR : authentication.getName();
    }
}
