package io.clusterproof.access;

import io.clusterproof.base.SqlTime;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only record of who changed what. Writers join the caller's transaction, so a change
 * and its audit entry are stored together or not at all. There is no method to change or remove an
 * entry.
 */
@Service
public class AuditLog {

    static final String SYSTEM_ACTOR = "system";

    private final AuditEntryRepository entries;
    private final JdbcTemplate jdbc;
    private final AuditChainLinker linker;
    private final AuditChainVerifier verifier;
    private final Clock clock;

    AuditLog(
            AuditEntryRepository entries,
            JdbcTemplate jdbc,
            AuditChainLinker linker,
            AuditChainVerifier verifier,
            Clock clock) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.linker = linker;
        this.verifier = verifier;
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
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    linker.requestLink();
                }
            });
        }
    }

    /**
     * Records an event in a transaction of its own, kept even when the caller's transaction rolls
     * back: for refusals, whose attempted change is not stored.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordOnItsOwn(AuditEvent event) {
        recordAs(currentActor(), event);
    }

    /**
     * Whether {@code by} created the user account {@code account} or changed its role since the given
     * instant, by the audit log: for separation-of-duty rules.
     */
    @Transactional(readOnly = true)
    public boolean accountShapedBy(String account, String by, Instant since) {
        var count = jdbc.queryForObject(
                "select count(*) from audit_entry where target_type = 'user' and target_id = ? and actor = ?"
                        + " and action in ('USER_CREATED', 'USER_ROLE_CHANGED') and occurred_at >= ?",
                Long.class,
                account,
                by,
                SqlTime.of(since));
        return count != null && count > 0;
    }

    /**
     * Links the entries still waiting for their link, then checks every chained entry against its
     * hash and its link to the one before, and the newest against the recorded head; names the first
     * broken link. Not inside a transaction: linking takes a connection of its own.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Transactional(propagation = Propagation.NEVER)
    public AuditVerification verify() {
        linker.linkPending();
        return verifier.verify();
    }

    /** The hash of the newest entry: an evidence pack records it, so later changes to older entries show. */
    @Transactional(readOnly = true)
    public String chainHead() {
        return verifier.head();
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
