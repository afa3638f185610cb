package io.clusterproof.evidence;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.base.BaseProperties;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.ClusterService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduled exports: only administrators create, change, delete or run them, and every change is
 * audited; auditors, officers and administrators see them and their runs.
 */
@Service
@Transactional
public class EvidenceSchedules {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,59}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");

    private final ScheduleStore store;
    private final ScheduleRunner runner;
    private final EvidenceWorkers workers;
    private final ClusterService clusters;
    private final Catalog catalog;
    private final AuditLog auditLog;
    private final EvidenceProperties properties;
    private final BaseProperties base;
    private final Clock clock;

    EvidenceSchedules(
            ScheduleStore store,
            ScheduleRunner runner,
            EvidenceWorkers workers,
            ClusterService clusters,
            Catalog catalog,
            AuditLog auditLog,
            EvidenceProperties properties,
            BaseProperties base,
            Clock clock) {
        this.store = store;
        this.runner = runner;
        this.workers = workers;
        this.clusters = clusters;
        this.catalog = catalog;
        this.auditLog = auditLog;
        this.properties = properties;
        this.base = base;
        this.clock = clock;
    }

    /**
     * What a new schedule starts with: weekly, the configured period and retention, every framework,
     * and every cluster unless the fleet is larger than one pack covers (then none, to be chosen).
     */
    @RolesAllowed({Role.AUDITOR_NAME, Role.OFFICER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public ScheduleDefinition defaults() {
        return new ScheduleDefinition(
                "Weekly evidence",
                everyClusterIfOnePackCovers(),
                catalog.frameworks().stream().map(f -> f.id()).toList(),
                properties.defaultSchedule(),
                properties.defaultPeriodDays(),
                properties.retentionDays(),
                List.of(),
                true);
    }

    private List<Long> everyClusterIfOnePackCovers() {
        var all = clusters.list();
        return all.size() <= ExportRequest.MAX_CLUSTERS
                ? all.stream().map(c -> c.id()).toList()
                : List.of();
    }

    @RolesAllowed({Role.AUDITOR_NAME, Role.OFFICER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public List<ScheduleSummary> list() {
        return store.list();
    }

    @RolesAllowed({Role.AUDITOR_NAME, Role.OFFICER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public Page<ScheduleRun> runs(Pageable pageable) {
        return store.runs(pageable);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public ScheduleSummary create(ScheduleDefinition definition) {
        var clean = validate(definition, null);
        var id = store.insert(clean, nextRun(clean), AuditLog.currentActorName(), clock.instant());
        auditLog.record(AuditEvent.of("EVIDENCE_SCHEDULE_CREATED", "evidence-schedule", clean.name())
                .change(null, clean.auditState()));
        return store.find(id).orElseThrow();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public ScheduleSummary update(long id, ScheduleDefinition definition) {
        var existing = find(id);
        var clean = validate(definition, id);
        store.update(id, clean, nextRun(clean));
        auditLog.record(AuditEvent.of("EVIDENCE_SCHEDULE_CHANGED", "evidence-schedule", clean.name())
                .change(existing.definition().auditState(), clean.auditState()));
        return store.find(id).orElseThrow();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public void delete(long id) {
        var existing = find(id);
        store.delete(id);
        auditLog.record(AuditEvent.of("EVIDENCE_SCHEDULE_DELETED", "evidence-schedule", existing.name())
                .change(existing.definition().auditState(), null));
    }

    /** Runs the schedule now, in the background; its next scheduled run stays as it was. */
    @RolesAllowed(Role.ADMIN_NAME)
    public void runNow(long id) {
        var schedule = find(id);
        auditLog.record(AuditEvent.of("EVIDENCE_SCHEDULE_RUN", "evidence-schedule", schedule.name()));
        workers.execute(() -> runner.run(id, "MANUAL"));
    }

    private ScheduleSummary find(long id) {
        return store.find(id).orElseThrow(() -> new UserFacingException("Scheduled export " + id + " does not exist."));
    }

    private @Nullable Instant nextRun(ScheduleDefinition definition) {
        return ScheduleCron.next(definition, clock.instant(), base.timeZone());
    }

    private ScheduleDefinition validate(ScheduleDefinition definition, @Nullable Long id) {
        var name = definition.name().trim();
        if (!NAME.matcher(name).matches()) {
            throw new InvalidExportException(
                    "name",
                    "Name \"" + definition.name()
                            + "\" is not valid: use up to 60 letters, digits, spaces, dots, dashes or underscores.");
        }
        var sameName = store.findByName(name);
        if (sameName.isPresent() && (id == null || sameName.get().id() != id)) {
            throw new InvalidExportException("name", "A scheduled export named \"" + name + "\" already exists.");
        }
        if (definition.clusterIds().isEmpty()) {
            throw new InvalidExportException("clusters", "Choose at least one cluster.");
        }
        if (definition.clusterIds().stream().distinct().count() > ExportRequest.MAX_CLUSTERS) {
            throw new InvalidExportException(
                    "clusters",
                    "Choose at most " + ExportRequest.MAX_CLUSTERS
                            + " clusters; a larger fleet needs one scheduled export per group of clusters.");
        }
        for (var cluster : definition.clusterIds()) {
            if (clusters.get(cluster).isEmpty()) {
                throw new InvalidExportException("clusters", "Cluster " + cluster + " does not exist.");
            }
        }
        if (definition.frameworkIds().isEmpty()) {
            throw new InvalidExportException("frameworks", "Choose at least one framework.");
        }
        for (var framework : definition.frameworkIds()) {
            if (catalog.framework(framework).isEmpty()) {
                throw new InvalidExportException("frameworks", "There is no framework \"" + framework + "\".");
            }
        }
        if (!CronExpression.isValidExpression(definition.cron())) {
            throw new InvalidExportException(
                    "cron",
                    "Schedule \"" + definition.cron()
                            + "\" is not a valid cron expression (six fields, seconds first, e.g. \"0 0 6 * * MON\").");
        }
        if (definition.periodDays() < 1 || definition.periodDays() > 366) {
            throw new InvalidExportException("periodDays", "A pack covers 1 to 366 days.");
        }
        if (definition.retentionDays() < 1 || definition.retentionDays() > 3650) {
            throw new InvalidExportException("retentionDays", "Keep packs for 1 to 3650 days.");
        }
        var recipients = definition.recipients().stream()
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .distinct()
                .toList();
        for (var recipient : recipients) {
            if (!EMAIL.matcher(recipient).matches()) {
                throw new InvalidExportException("recipients", "\"" + recipient + "\" is not an email address.");
            }
        }
        return new ScheduleDefinition(
                name,
                definition.clusterIds().stream().distinct().toList(),
                definition.frameworkIds().stream().distinct().toList(),
                definition.cron().trim(),
                definition.periodDays(),
                definition.retentionDays(),
                recipients,
                definition.enabled());
    }
}
