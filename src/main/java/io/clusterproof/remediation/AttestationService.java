package io.clusterproof.remediation;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.base.InvalidInputException;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.Phrases;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.WebLinks;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attestations of controls no API object can prove, or of the part of a hybrid control checks
 * cannot see: an officer's statement with evidence (a link, or a checked, size-limited file kept
 * with its SHA-256), an expiry no later than the control's validity, and a scope (one cluster, a
 * list, or every cluster). Expired or revoked attestations stop counting at the next assessment.
 */
@Service
@Transactional
public class AttestationService {

    private static final int MIN_STATEMENT = 10;

    private final AttestationRepository attestations;
    private final Catalog catalog;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final RemediationProperties properties;
    private final JdbcTemplate jdbc;
    private final ClusterService clusters;
    private final Clock clock;

    AttestationService(
            AttestationRepository attestations,
            Catalog catalog,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            RemediationProperties properties,
            JdbcTemplate jdbc,
            ClusterService clusters,
            Clock clock) {
        this.attestations = attestations;
        this.catalog = catalog;
        this.auditLog = auditLog;
        this.events = events;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clusters = clusters;
        this.clock = clock;
    }

    /** An evidence file as uploaded: its name and bytes. */
    public record Upload(String fileName, byte[] content) {}

    @RolesAllowed(Role.OFFICER_NAME)
    public AttestationSummary record(
            String frameworkId,
            String controlRef,
            AttestationScope scope,
            String statement,
            @Nullable String evidenceUrl,
            @Nullable Upload upload,
            @Nullable Instant expiresAt) {
        var control = attestationControl(frameworkId, controlRef);
        requireClusters(scope);
        if (statement == null || statement.trim().length() < MIN_STATEMENT) {
            throw new InvalidInputException(
                    "statement", "Write what you attest (at least " + MIN_STATEMENT + " characters).");
        }
        var link = WebLinks.optional("evidenceUrl", evidenceUrl);
        if (link == null && upload == null) {
            throw new InvalidInputException("evidence", "An attestation needs evidence: a link or an uploaded file.");
        }
        var file = upload == null
                ? null
                : EvidenceFile.of(upload.fileName(), upload.content(), properties.maxEvidenceBytes());
        var now = clock.instant();
        var latest = now.atOffset(ZoneOffset.UTC)
                .plus(Objects.requireNonNull(
                                control.attestation(),
                                "the catalog loader requires an attestation on every attested control")
                        .validity())
                .toInstant();
        var expiry = expiresAt == null ? latest : expiresAt;
        if (!expiry.isAfter(now) || expiry.isAfter(latest)) {
            throw new InvalidInputException(
                    "expiresAt",
                    "The expiry must be in the future and within the control's validity of "
                            + Phrases.period(control.attestation().validity()) + ".");
        }
        var attestation = attestations.save(new Attestation(
                frameworkId,
                controlRef,
                scope,
                statement.trim(),
                link,
                file,
                AuditLog.currentActorName(),
                now,
                expiry));
        if (file != null) {
            jdbc.update(
                    "insert into attestation_evidence (attestation_id, content) values (?, ?)",
                    attestation.id(),
                    file.content());
        }
        auditLog.record(AuditEvent.of("ATTESTATION_RECORDED", "attestation", String.valueOf(attestation.id()))
                .change(null, attestation.auditState())
                .withDetail("Scope: " + attestation.scopeText(this::clusterName) + ". " + statement.trim()));
        events.publishEvent(new PostureInputsChanged(null));
        return attestation.summary(now, this::clusterName);
    }

    @RolesAllowed(Role.OFFICER_NAME)
    public AttestationSummary revoke(long id) {
        var attestation = attestations
                .findById(id)
                .orElseThrow(() -> new NotFoundException("Attestation #" + id + " does not exist."));
        if (attestation.revokedAt() != null) {
            throw new UserFacingException("Attestation #" + id + " is already revoked.");
        }
        var before = attestation.auditState();
        var now = clock.instant();
        attestation.revoke(AuditLog.currentActorName(), now);
        auditLog.record(AuditEvent.of("ATTESTATION_REVOKED", "attestation", String.valueOf(id))
                .change(before, attestation.auditState()));
        events.publishEvent(new PostureInputsChanged(null));
        return attestation.summary(now, this::clusterName);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<AttestationSummary> of(String frameworkId, String controlRef) {
        var now = clock.instant();
        var names = clusterNames();
        return attestations.findByFrameworkIdAndControlRefOrderByAttestedAtDesc(frameworkId, controlRef).stream()
                .map(a -> a.summary(now, names))
                .toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<AttestationSummary> all() {
        var now = clock.instant();
        var names = clusterNames();
        return attestations.findAllByOrderByAttestedAtDesc().stream()
                .map(a -> a.summary(now, names))
                .toList();
    }

    /** The uploaded evidence file of an attestation, if it has one. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<byte[]> evidence(long id) {
        return jdbc
                .query(
                        "select content from attestation_evidence where attestation_id = ?",
                        (rs, i) -> rs.getBytes(1),
                        id)
                .stream()
                .findFirst();
    }

    private void requireClusters(AttestationScope scope) {
        if (scope.organisationWide()) {
            return;
        }
        if (scope.clusterIds().isEmpty()) {
            throw new InvalidInputException(
                    "clusters", "Choose the clusters the attestation covers, or make it organisation-wide.");
        }
        for (var id : scope.clusterIds()) {
            if (clusters.get(id).isEmpty()) {
                throw new InvalidInputException("clusters", "There is no cluster #" + id + ".");
            }
        }
    }

    private String clusterName(long id) {
        return clusters.get(id).map(ClusterSummary::name).orElse("cluster #" + id);
    }

    private LongFunction<String> clusterNames() {
        var names = new HashMap<Long, String>();
        clusters.list().forEach(c -> names.put(c.id(), c.name()));
        return id -> names.getOrDefault(id, "cluster #" + id);
    }

    private ControlDefinition attestationControl(String frameworkId, String controlRef) {
        var control = catalog.framework(frameworkId)
                .flatMap(f -> f.controls().stream()
                        .filter(c -> c.ref().equals(controlRef))
                        .findFirst())
                .orElseThrow(
                        () -> new UserFacingException("There is no control " + frameworkId + " " + controlRef + "."));
        if (control.automated()) {
            throw new UserFacingException(frameworkId + " " + controlRef + " is proven by checks, not attested.");
        }
        return control;
    }
}
