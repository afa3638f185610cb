package io.clusterproof.remediation;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.InvalidInputException;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.NotPermittedException;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.WebLinks;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.ClusterService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk acceptance with four eyes: an engineer requests a waiver with justification, scope, ticket
 * and a bounded expiry; an officer who is not the requester approves or rejects it. Every step is
 * audited; a decision is reflected in posture at once.
 */
@Service
@Transactional
public class WaiverService {

    /** Which waivers a report shows. */
    public enum Report {
        ALL,
        REQUESTED,
        ACTIVE,
        EXPIRING,
        EXPIRED,
        UNUSED,
        REJECTED,
        REVOKED
    }

    private static final int MIN_JUSTIFICATION = 20;

    private final WaiverRepository waivers;
    private final Catalog catalog;
    private final ClusterService clusters;
    private final AssessmentQueries assessments;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final RemediationProperties properties;
    private final Clock clock;

    WaiverService(
            WaiverRepository waivers,
            Catalog catalog,
            ClusterService clusters,
            AssessmentQueries assessments,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            RemediationProperties properties,
            Clock clock) {
        this.waivers = waivers;
        this.catalog = catalog;
        this.clusters = clusters;
        this.assessments = assessments;
        this.auditLog = auditLog;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @RolesAllowed({Role.ENGINEER_NAME, Role.ADMIN_NAME})
    public WaiverSummary request(WaiverRequest request) {
        var now = clock.instant();
        if (request.checkId() == null || request.checkId().isBlank()) {
            throw new InvalidInputException("checkId", "Choose the check to waive.");
        }
        if (catalog.check(request.checkId()).isEmpty()) {
            throw new InvalidInputException("checkId", "There is no check \"" + request.checkId() + "\" to waive.");
        }
        if (request.clusterId() != null && clusters.get(request.clusterId()).isEmpty()) {
            throw new InvalidInputException("clusterId", "Cluster " + request.clusterId() + " does not exist.");
        }
        if (request.justification() == null || request.justification().trim().length() < MIN_JUSTIFICATION) {
            throw new InvalidInputException(
                    "justification",
                    "Say why the risk is acceptable: the justification needs at least " + MIN_JUSTIFICATION
                            + " characters.");
        }
        if (request.ticketUrl() == null || request.ticketUrl().isBlank()) {
            throw new InvalidInputException(
                    "ticketUrl", "A waiver needs a ticket link, so the decision can be traced.");
        }
        if (request.expiresAt() == null || !request.expiresAt().isAfter(now)) {
            throw new InvalidInputException("expiresAt", "A waiver needs an expiry in the future.");
        }
        WebLinks.optional("ticketUrl", request.ticketUrl());
        if (request.expiresAt().isAfter(now.plus(properties.maxWaiver()))) {
            throw new InvalidInputException(
                    "expiresAt",
                    "A waiver may run at most " + properties.maxWaiver().toDays() + " days; choose an earlier expiry.");
        }
        var waiver =
                waivers.save(new Waiver(request, AuditLog.currentActorName(), AuditLog.currentAccountableName(), now));
        auditLog.record(AuditEvent.of("WAIVER_REQUESTED", "waiver", String.valueOf(waiver.id()))
                .change(null, waiver.auditState())
                .withDetail(request.justification().trim()));
        return waiver.summary(now);
    }

    @RolesAllowed(Role.OFFICER_NAME)
    public WaiverSummary approve(long id, @Nullable String note) {
        return decide(id, WaiverStatus.APPROVED, note);
    }

    @RolesAllowed(Role.OFFICER_NAME)
    public WaiverSummary reject(long id, @Nullable String note) {
        return decide(id, WaiverStatus.REJECTED, note);
    }

    @RolesAllowed({Role.OFFICER_NAME, Role.ADMIN_NAME})
    public WaiverSummary revoke(long id, @Nullable String note) {
        var waiver = find(id);
        if (waiver.status() != WaiverStatus.APPROVED) {
            throw new UserFacingException("Only an approved waiver can be revoked; waiver #" + id + " is "
                    + EnumLabels.of(waiver.status()).toLowerCase(Locale.ROOT) + ".");
        }
        return change(waiver, "WAIVER_REVOKED", note, waiver::revoke);
    }

    private WaiverSummary decide(long id, WaiverStatus decision, @Nullable String note) {
        var waiver = find(id);
        if (waiver.status() != WaiverStatus.REQUESTED) {
            throw new UserFacingException("Waiver #" + id + " was already decided ("
                    + EnumLabels.of(waiver.status()).toLowerCase(Locale.ROOT) + ").");
        }
        if (waiver.requestedBy().equals(AuditLog.currentActorName())
                || waiver.requestedFor().equals(AuditLog.currentAccountableName())) {
            throw new NotPermittedException("Waiver #" + id + " was requested by " + waiver.requestedBy()
                    + ", for whom you are accountable; another officer must decide it.");
        }
        if (decision == WaiverStatus.APPROVED) {
            requireNoAccountShapedByRequester(waiver);
        }
        if (decision == WaiverStatus.APPROVED
                && !waiver.summary(clock.instant()).expiresAt().isAfter(clock.instant())) {
            throw new UserFacingException("Waiver #" + id + " expired before it was decided; ask for a new one.");
        }
        return change(
                waiver,
                decision == WaiverStatus.APPROVED ? "WAIVER_APPROVED" : "WAIVER_REJECTED",
                note,
                (actor, text, now) -> waiver.decide(decision, actor, text, now));
    }

    /**
     * Whoever requested a waiver must not have created the approver's account, or given it its role,
     * shortly before: otherwise one person could make themselves an officer and approve their own
     * risk. A refusal is audited on its own, since the approval it refuses is not stored.
     */
    private void requireNoAccountShapedByRequester(Waiver waiver) {
        var approver = AuditLog.currentAccountableName();
        var since = clock.instant().minus(Duration.ofDays(properties.separationDays()));
        for (var requester : new LinkedHashSet<>(List.of(waiver.requestedFor(), waiver.requestedBy()))) {
            if (auditLog.accountShapedBy(approver, requester, since)) {
                var reason = "Waiver #" + waiver.id() + " was requested by " + requester + ", who created the account "
                        + approver + " or gave it its role within the last " + properties.separationDays()
                        + " days (clusterproof.remediation.separation-days); another officer must approve it.";
                auditLog.recordOnItsOwn(AuditEvent.of("WAIVER_APPROVAL_REFUSED", "waiver", String.valueOf(waiver.id()))
                        .withDetail(reason));
                throw new NotPermittedException(reason);
            }
        }
    }

    /** A change to a waiver by the current user: applied, audited, and posture refreshed if it can matter. */
    private WaiverSummary change(Waiver waiver, String action, @Nullable String note, Change change) {
        var now = clock.instant();
        var before = waiver.auditState();
        change.apply(AuditLog.currentActorName(), note == null || note.isBlank() ? null : note.trim(), now);
        auditLog.record(AuditEvent.of(action, "waiver", String.valueOf(waiver.id()))
                .change(before, waiver.auditState())
                .withDetail(note));
        if (!action.equals("WAIVER_REJECTED")) {
            events.publishEvent(new PostureInputsChanged(waiver.summary(now).clusterId()));
        }
        return waiver.summary(now);
    }

    private interface Change {
        void apply(String actor, @Nullable String note, Instant now);
    }

    /**
     * Waivers that applied to a cluster at some moment of {@code [from, to)}: approved before
     * {@code to}, and neither expired nor revoked before {@code from}. Waivers for every cluster
     * count for each one.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public List<WaiverSummary> inForce(long clusterId, Instant from, Instant to) {
        var now = clock.instant();
        return waivers.findAll().stream()
                .filter(w -> w.inForceDuring(from, to))
                .map(w -> w.summary(now))
                .filter(w -> w.clusterId() == null || w.clusterId() == clusterId)
                .sorted(java.util.Comparator.comparingLong(WaiverSummary::id))
                .toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<WaiverSummary> report(Report report) {
        var now = clock.instant();
        var soon = now.plus(properties.expiringSoon());
        return waivers.findAll().stream()
                .map(w -> w.summary(now))
                .filter(w -> switch (report) {
                    case ALL -> true;
                    case REQUESTED -> w.status() == WaiverStatus.REQUESTED;
                    case ACTIVE -> w.active();
                    case EXPIRING -> w.active() && !w.expiresAt().isAfter(soon);
                    case EXPIRED -> w.status() == WaiverStatus.APPROVED && !w.active();
                    case UNUSED -> w.active() && uses(w) == 0;
                    case REJECTED -> w.status() == WaiverStatus.REJECTED;
                    case REVOKED -> w.status() == WaiverStatus.REVOKED;
                })
                .sorted(Comparator.comparing(WaiverSummary::requestedAt).reversed())
                .toList();
    }

    /** Findings the waiver covers in the latest assessment of each cluster in its scope. */
    @PermitAll
    @Transactional(readOnly = true)
    public long uses(WaiverSummary waiver) {
        return clusters.list().stream()
                .filter(c -> waiver.clusterId() == null || c.id() == waiver.clusterId())
                .map(c -> assessments.latest(c.id()))
                .flatMap(Optional::stream)
                .mapToLong(a -> assessments.countWaived(a.id(), waiver.id()))
                .sum();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<WaiverSummary> get(long id) {
        return waivers.findById(id).map(w -> w.summary(clock.instant()));
    }

    private Waiver find(long id) {
        return waivers.findById(id).orElseThrow(() -> new NotFoundException("Waiver #" + id + " does not exist."));
    }
}
