package io.clusterproof.snapshot;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.base.BaseProperties;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cluster registry: register, change and schedule clusters. Changes need ADMIN and are
 * audited; reading is open to every role (and to background work, which has no user).
 */
@Service
@Transactional
public class ClusterService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,98}[a-z0-9])?");

    private final ClusterRepository clusters;
    private final CollectionRunRepository runs;
    private final SnapshotReader snapshots;
    private final AuditLog auditLog;
    private final BaseProperties base;
    private final Clock clock;

    ClusterService(
            ClusterRepository clusters,
            CollectionRunRepository runs,
            SnapshotReader snapshots,
            AuditLog auditLog,
            BaseProperties base,
            Clock clock) {
        this.clusters = clusters;
        this.runs = runs;
        this.snapshots = snapshots;
        this.auditLog = auditLog;
        this.base = base;
        this.clock = clock;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public ClusterSummary register(ClusterDefinition definition) {
        validate(definition, null);
        var cluster = new Cluster(definition, clock.instant());
        cluster.scheduleNext(nextRun(definition));
        cluster = clusters.save(cluster);
        auditLog.record(AuditEvent.of("CLUSTER_REGISTERED", "cluster", definition.name())
                .change(null, cluster.auditState()));
        return summary(cluster);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public ClusterSummary update(long id, ClusterDefinition definition) {
        var cluster = find(id);
        validate(definition, cluster);
        var before = cluster.auditState();
        var scheduleChanged = !cluster.scheduleCron().equals(definition.scheduleCron())
                || cluster.enabled() != definition.enabled()
                || cluster.sourceType() != definition.sourceType();
        cluster.apply(definition);
        if (scheduleChanged) {
            cluster.scheduleNext(nextRun(definition));
        }
        auditLog.record(AuditEvent.of(
                        scheduleChanged ? "CLUSTER_SCHEDULE_CHANGED" : "CLUSTER_CHANGED", "cluster", definition.name())
                .change(before, cluster.auditState()));
        return summary(cluster);
    }

    @Transactional(readOnly = true)
    public List<ClusterSummary> list() {
        // a fleet of hundreds: each cluster's last run and missing kinds in one query each, not one per cluster
        var lastRuns = new HashMap<Long, RunSummary>();
        var latestRunIds = runs.findLatestIdOfEachCluster().stream()
                .filter(Objects::nonNull)
                .toList();
        runs.findAllById(latestRunIds).forEach(r -> lastRuns.put(r.clusterId(), r.summary()));
        var missing = snapshots.latestMissingKindsOfEachCluster();
        return clusters.findAllByOrderByNameAsc().stream()
                .map(c -> summary(c, lastRuns.get(c.id()), missing.getOrDefault(c.id(), List.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<ClusterSummary> get(long id) {
        return clusters.findById(id).map(this::summary);
    }

    @Transactional(readOnly = true)
    public Optional<ClusterSummary> findByName(String name) {
        return clusters.findByName(name).map(this::summary);
    }

    /** The next time a cron fires after now, in the configured zone; null when the cluster is not scheduled. */
    @Nullable
    Instant nextRun(ClusterDefinition definition) {
        if (!definition.enabled() || !definition.sourceType().scheduled()) {
            return null;
        }
        var next = CronExpression.parse(definition.scheduleCron())
                .next(clock.instant().atZone(base.timeZone()));
        return next == null ? null : next.toInstant();
    }

    private Cluster find(long id) {
        return clusters.findById(id).orElseThrow(() -> new NotFoundException("Cluster " + id + " does not exist."));
    }

    private void validate(ClusterDefinition definition, @Nullable Cluster existing) {
        if (!NAME.matcher(definition.name()).matches()) {
            throw new UserFacingException("Cluster name \"" + definition.name()
                    + "\" is not valid: use up to 100 lower-case letters, digits, dots and dashes.");
        }
        var sameName = clusters.findByName(definition.name());
        if (sameName.isPresent() && (existing == null || sameName.get().id() != existing.id())) {
            throw new UserFacingException("A cluster named \"" + definition.name() + "\" already exists.");
        }
        if (!CronExpression.isValidExpression(definition.scheduleCron())) {
            throw new UserFacingException("Schedule \"" + definition.scheduleCron()
                    + "\" is not a valid cron expression (six fields, seconds first, e.g. \"0 0 2 * * *\").");
        }
        switch (definition.sourceType()) {
            case KUBECONFIG -> require(definition.kubeconfigPath(), "a kubeconfig file path");
            case MANIFESTS -> require(definition.manifestPath(), "a manifest file or directory");
            default -> {}
        }
    }

    private static void require(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new UserFacingException("This source needs " + what + ".");
        }
    }

    private ClusterSummary summary(Cluster cluster) {
        return summary(
                cluster,
                runs.findFirstByClusterIdOrderByStartedAtDesc(cluster.id())
                        .map(CollectionRun::summary)
                        .orElse(null),
                snapshots.latestMissingKinds(cluster.id()));
    }

    private static ClusterSummary summary(Cluster cluster, @Nullable RunSummary lastRun, List<MissingKind> missing) {
        return new ClusterSummary(
                cluster.id(),
                cluster.definition(),
                cluster.nextRunAt(),
                lastRun,
                missing.isEmpty()
                        ? null
                        : new ClusterSummary.MissingKindsSummary(
                                missing.size(),
                                String.join(
                                        ", ",
                                        missing.stream().map(MissingKind::kind).toList())));
    }
}
