package io.clusterproof.remediation;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentQueries.CheckedResource;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.assessment.StoredFinding;
import io.clusterproof.base.SerialTurns;
import io.clusterproof.base.SqlTime;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.SnapshotReader;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves remediation items after each assessment of a cluster's main lineage, in order: a new FAIL
 * opens an item, a FAIL of a resolved item reopens it, a waived finding puts it in risk accepted,
 * and an item resolves only when an assessment shows the finding passing (or the resource gone).
 * An item's dates are the snapshot's: they say when the evidence was taken. Its history says when
 * each change was made, so a change an assessment makes after a person's reads after it, even when
 * the snapshot behind it is older (a waiver re-assesses the latest snapshot, an upload may be old).
 */
@Component
class RemediationSync {

    static final String ACTOR = "assessment";
    private static final int MAX_ATTEMPTS = 3;
    /** Items written per JDBC batch, and changes made through entities before they are flushed and forgotten. */
    private static final int BATCH = 500;

    private final AssessmentQueries assessments;
    private final SnapshotReader snapshots;
    private final Catalog catalog;
    private final RemediationItemRepository items;
    private final ItemLog log;
    private final RemediationProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final TimeFormatter time;
    private final EntityManager entities;
    private final SerialTurns turns = new SerialTurns();

    RemediationSync(
            AssessmentQueries assessments,
            SnapshotReader snapshots,
            Catalog catalog,
            RemediationItemRepository items,
            ItemLog log,
            RemediationProperties properties,
            JdbcTemplate jdbc,
            EntityManager entities,
            PlatformTransactionManager transactionManager,
            Clock clock,
            TimeFormatter time) {
        this.assessments = assessments;
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.items = items;
        this.log = log;
        this.properties = properties;
        this.jdbc = jdbc;
        this.entities = entities;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.time = time;
    }

    /**
     * Applies every assessment not applied yet, oldest first, and hands each to {@code afterEach}
     * on the thread that applied it (another event's thread may be the one doing the work), inside
     * the transaction that applied it: an event {@code afterEach} publishes commits with the items.
     */
    int catchUp(long clusterId, Consumer<AssessmentSummary> afterEach) {
        ensureCursor(clusterId);
        return turns.run(clusterId, () -> {
            int done = 0;
            while (applyNextRetrying(clusterId, afterEach) != null) {
                done++;
            }
            return done;
        });
    }

    /** One assessment's transitions; a person changing an item at the same moment makes it run again. */
    private @Nullable AssessmentSummary applyNextRetrying(long clusterId, Consumer<AssessmentSummary> afterEach) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    var applied = applyNext(clusterId);
                    if (applied != null) {
                        afterEach.accept(applied);
                    }
                    return applied;
                });
            } catch (OptimisticLockingFailureException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private @Nullable AssessmentSummary applyNext(long clusterId) {
        var last = jdbc.queryForObject(
                "select last_assessment_id from remediation_cursor where cluster_id = ? for update",
                Long.class,
                clusterId);
        var next = assessments.mainLineageAfter(clusterId, last == null ? 0 : last, 1);
        if (next.isEmpty()) {
            return null;
        }
        var assessment = next.get(0);
        apply(assessment);
        jdbc.update(
                "update remediation_cursor set last_assessment_id = ? where cluster_id = ?",
                assessment.id(),
                clusterId);
        return assessment;
    }

    /**
     * One pass over the failing and waived findings as they stream from the database. Items are
     * known by key, id and status only, not as entities: a large cluster has hundreds of thousands.
     * An item merely seen again is marked in a JDBC batch; one whose status moves is loaded, moved
     * and logged, and the persistence context is emptied every few hundred changes.
     */
    private void apply(AssessmentSummary assessment) {
        var known = knownItems(assessment.clusterId());
        var teams = new TeamResolver(snapshots, assessment.snapshotId(), properties.teamLabels());
        var filter = FindingFilter.all().withStatuses(EnumSet.of(FindingStatus.FAIL, FindingStatus.WAIVED));
        var seenAgain = new ArrayList<SeenAgain>(BATCH);
        var unflushed = new int[1];
        // one pass over the findings as they stream from the database: pages would sort them all again each time
        assessments.eachFinding(assessment.id(), filter, finding -> {
            var key = new CheckedResource(finding.checkId(), finding.resource());
            var item = known.get(key);
            if (item == null) {
                var created = create(assessment, finding, teams);
                known.put(key, new Known(created.id(), created.status(), true));
                settle(unflushed);
            } else if (moves(item.status, finding)) {
                item.seen = true;
                follow(items.findById(item.id).orElseThrow(), assessment, finding);
                settle(unflushed);
            } else {
                item.seen = true;
                seenAgain.add(new SeenAgain(item.id, finding.message()));
                if (seenAgain.size() == BATCH) {
                    markSeen(assessment, seenAgain);
                }
            }
        });
        markSeen(assessment, seenAgain);
        // an upload to a cluster with its own live or manifest source proves no fix; its next collection will
        var offSource = snapshots
                .summary(assessment.snapshotId())
                .map(s -> s.provenance().offSource())
                .orElse(false);
        if (!offSource) {
            resolveTheRest(assessment, known);
        }
    }

    /** What the follow-up keeps of an item: not the entity. */
    private static final class Known {
        private final long id;
        private final ItemStatus status;
        private boolean seen;

        Known(long id, ItemStatus status, boolean seen) {
            this.id = id;
            this.status = status;
            this.seen = seen;
        }
    }

    private record SeenAgain(long id, String message) {}

    /** The cluster's items by key; equal texts (checks, kinds, namespaces) are held once. */
    private Map<CheckedResource, Known> knownItems(long clusterId) {
        var known = new HashMap<CheckedResource, Known>();
        var texts = new HashMap<String, String>();
        jdbc.query(
                "select id, status, check_id, api_group, kind, namespace, name from remediation_item where cluster_id = ?",
                rs -> {
                    var resource = new ResourceKey(
                            texts.computeIfAbsent(rs.getString(4), t -> t),
                            texts.computeIfAbsent(rs.getString(5), t -> t),
                            texts.computeIfAbsent(rs.getString(6), t -> t),
                            rs.getString(7));
                    known.put(
                            new CheckedResource(texts.computeIfAbsent(rs.getString(3), t -> t), resource),
                            new Known(rs.getLong(1), ItemStatus.valueOf(rs.getString(2)), false));
                },
                clusterId);
        return known;
    }

    /** Whether a finding moves its item (see {@link #follow}); otherwise the item is only seen again. */
    private static boolean moves(ItemStatus from, StoredFinding finding) {
        if (finding.status() == FindingStatus.WAIVED) {
            return from != ItemStatus.RISK_ACCEPTED;
        }
        return from == ItemStatus.RESOLVED
                || from == ItemStatus.PENDING_VERIFICATION
                || from == ItemStatus.RISK_ACCEPTED;
    }

    /** What {@link RemediationItem#seenIn} does, for a batch of items whose status stays. */
    private void markSeen(AssessmentSummary assessment, List<SeenAgain> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var now = SqlTime.of(assessment.snapshotTakenAt());
        jdbc.batchUpdate(
                "update remediation_item set last_assessment_id = ?, last_message = ?, updated_at = ?, "
                        + "version = version + 1 where id = ?",
                batch,
                BATCH,
                (statement, seen) -> {
                    statement.setLong(1, assessment.id());
                    statement.setString(2, RemediationItem.clip(seen.message()));
                    statement.setObject(3, now);
                    statement.setLong(4, seen.id());
                });
        batch.clear();
    }

    /** Writes what changed and forgets the entities every {@link #BATCH} changes, so they never pile up. */
    private void settle(int[] unflushed) {
        if (++unflushed[0] >= BATCH) {
            entities.flush();
            entities.clear();
            unflushed[0] = 0;
        }
    }

    private RemediationItem create(AssessmentSummary assessment, StoredFinding finding, TeamResolver teams) {
        var now = assessment.snapshotTakenAt();
        var title = catalog.check(finding.checkId())
                .map(c -> c.definition().title())
                .orElse(finding.checkId());
        var status = finding.status() == FindingStatus.WAIVED ? ItemStatus.RISK_ACCEPTED : ItemStatus.OPEN;
        var item = new RemediationItem(
                assessment.clusterId(),
                finding.checkId(),
                finding.resource(),
                finding.severity(),
                title,
                teams.teamOf(finding.resource()),
                status,
                now,
                now.plus(Sla.of(finding.severity(), properties)));
        if (finding.waiverId() != null) {
            item.acceptRisk(finding.waiverId(), now);
        }
        item.seenIn(assessment.id(), finding.message(), now);
        try {
            item = items.save(item);
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("remediation item created twice for " + finding.checkId(), e);
        }
        log.record(
                item,
                ACTOR,
                RemediationEvent.Kind.CREATED,
                null,
                null,
                "failing in " + evidence(assessment) + ": " + finding.message(),
                clock.instant());
        return item;
    }

    private void follow(RemediationItem item, AssessmentSummary assessment, StoredFinding finding) {
        var now = assessment.snapshotTakenAt();
        var before = item.auditState();
        var from = item.status();
        item.seenIn(assessment.id(), finding.message(), now);
        if (finding.status() == FindingStatus.WAIVED) {
            if (from != ItemStatus.RISK_ACCEPTED) {
                item.acceptRisk(finding.waiverId() == null ? 0 : finding.waiverId(), now);
                log.record(
                        item,
                        ACTOR,
                        RemediationEvent.Kind.STATUS,
                        from,
                        before,
                        "waiver #" + finding.waiverId() + " covers it from " + evidence(assessment),
                        clock.instant());
            }
            return;
        }
        var reason = switch (from) {
            case RESOLVED -> "failing again in " + evidence(assessment);
            case PENDING_VERIFICATION -> "the fix did not show: still failing in " + evidence(assessment);
            case RISK_ACCEPTED -> "no waiver covers it any more (" + evidence(assessment) + ")";
            default -> null;
        };
        if (reason != null) {
            item.moveTo(ItemStatus.REOPENED, now);
            log.record(item, ACTOR, RemediationEvent.Kind.STATUS, from, before, reason, clock.instant());
        }
    }

    /**
     * Items that no longer fail: resolved when the finding passes, does not apply or is gone; left
     * alone when unknown or when the evidence that would show the fix is out of the API's sight.
     */
    private void resolveTheRest(AssessmentSummary assessment, Map<CheckedResource, Known> known) {
        var waiting = new HashMap<CheckedResource, Known>();
        known.forEach((key, item) -> {
            if (!item.seen && item.status != ItemStatus.RESOLVED) {
                waiting.put(key, item);
            }
        });
        // one lookup for all checks: after a rollout, thousands of items wait on dozens of checks
        var outcomes = assessments.outcomesOf(assessment.id(), waiting.keySet());
        var reasons = new HashMap<Long, String>();
        waiting.forEach((pair, item) -> {
            var outcome = outcomes.get(pair);
            if (outcome == null) {
                reasons.put(item.id, "the resource is no longer in the snapshot (" + evidence(assessment) + ")");
            } else if (outcome.status() == FindingStatus.PASS) {
                reasons.put(item.id, "passes in " + evidence(assessment));
            } else if (outcome.status() == FindingStatus.NOT_APPLICABLE && !outcome.outOfSight()) {
                reasons.put(item.id, "the check no longer applies (" + evidence(assessment) + ")");
            }
        });
        var now = assessment.snapshotTakenAt();
        var ids = new ArrayList<>(new TreeSet<>(reasons.keySet()));
        for (int from = 0; from < ids.size(); from += BATCH) {
            for (var item : items.findAllById(ids.subList(from, Math.min(ids.size(), from + BATCH)))) {
                var before = item.auditState();
                var previous = item.status();
                item.moveTo(ItemStatus.RESOLVED, now);
                log.record(
                        item,
                        ACTOR,
                        RemediationEvent.Kind.STATUS,
                        previous,
                        before,
                        reasons.get(item.id()),
                        clock.instant());
            }
            entities.flush();
            entities.clear();
        }
    }

    /** "assessment #12 of the snapshot taken 2026-11-06 06:00": which evidence made the change. */
    private String evidence(AssessmentSummary assessment) {
        return "assessment #" + assessment.id() + " of the snapshot taken "
                + time.dateTime(assessment.snapshotTakenAt());
    }

    private void ensureCursor(long clusterId) {
        var exists = jdbc.queryForObject(
                "select count(*) from remediation_cursor where cluster_id = ?", Integer.class, clusterId);
        if (exists != null && exists == 0) {
            try {
                transactions.executeWithoutResult(status -> jdbc.update(
                        "insert into remediation_cursor (cluster_id, last_assessment_id) values (?, 0)", clusterId));
            } catch (DuplicateKeyException e) {
                // created by another thread or replica meanwhile
            }
        }
    }
}
