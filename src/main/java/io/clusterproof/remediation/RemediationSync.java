package io.clusterproof.remediation;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.assessment.StoredFinding;
import io.clusterproof.base.SerialTurns;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.SnapshotReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    private record Key(String checkId, ResourceKey resource) {}

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
    private final SerialTurns turns = new SerialTurns();

    RemediationSync(
            AssessmentQueries assessments,
            SnapshotReader snapshots,
            Catalog catalog,
            RemediationItemRepository items,
            ItemLog log,
            RemediationProperties properties,
            JdbcTemplate jdbc,
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
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.time = time;
    }

    /**
     * Applies every assessment not applied yet, oldest first, and hands each to {@code afterEach}
     * on the thread that applied it (another event's thread may be the one doing the work).
     */
    int catchUp(long clusterId, Consumer<AssessmentSummary> afterEach) {
        ensureCursor(clusterId);
        return turns.run(clusterId, () -> {
            int done = 0;
            for (var applied = applyNextRetrying(clusterId); applied != null; applied = applyNextRetrying(clusterId)) {
                afterEach.accept(applied);
                done++;
            }
            return done;
        });
    }

    /** One assessment's transitions; a person changing an item at the same moment makes it run again. */
    private @Nullable AssessmentSummary applyNextRetrying(long clusterId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> applyNext(clusterId));
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

    private void apply(AssessmentSummary assessment) {
        var now = assessment.snapshotTakenAt();
        var byKey = new HashMap<Key, RemediationItem>();
        items.findByClusterId(assessment.clusterId()).forEach(i -> byKey.put(new Key(i.checkId(), i.resource()), i));
        var teams = new TeamResolver(snapshots, assessment.snapshotId(), properties.teamLabels());
        var seen = new HashSet<Key>();
        var filter = FindingFilter.all().withStatuses(EnumSet.of(FindingStatus.FAIL, FindingStatus.WAIVED));
        // one pass over the findings as they stream from the database: pages would sort them all again each time
        assessments.eachFinding(assessment.id(), filter, finding -> {
            var key = new Key(finding.checkId(), finding.resource());
            seen.add(key);
            var item = byKey.get(key);
            if (item == null) {
                byKey.put(key, create(assessment, finding, teams));
            } else {
                follow(item, assessment, finding);
            }
        });
        // an upload to a cluster with its own live or manifest source proves no fix; its next collection will
        var offSource = snapshots
                .summary(assessment.snapshotId())
                .map(s -> s.provenance().offSource())
                .orElse(false);
        if (!offSource) {
            resolveTheRest(assessment, byKey, seen);
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
    private void resolveTheRest(AssessmentSummary assessment, Map<Key, RemediationItem> byKey, HashSet<Key> seen) {
        var waiting = new HashMap<String, List<RemediationItem>>();
        byKey.forEach((key, item) -> {
            if (!seen.contains(key) && item.status() != ItemStatus.RESOLVED) {
                waiting.computeIfAbsent(key.checkId(), k -> new ArrayList<>()).add(item);
            }
        });
        var now = assessment.snapshotTakenAt();
        waiting.forEach((checkId, list) -> {
            var statuses = assessments.statusesOf(
                    assessment.id(),
                    checkId,
                    list.stream().map(RemediationItem::resource).toList());
            for (var item : list) {
                var outcome = statuses.get(item.resource());
                String reason;
                if (outcome == null) {
                    reason = "the resource is no longer in the snapshot (" + evidence(assessment) + ")";
                } else if (outcome.status() == FindingStatus.PASS) {
                    reason = "passes in " + evidence(assessment);
                } else if (outcome.status() == FindingStatus.NOT_APPLICABLE && !outcome.outOfSight()) {
                    reason = "the check no longer applies (" + evidence(assessment) + ")";
                } else {
                    continue;
                }
                var before = item.auditState();
                var from = item.status();
                item.moveTo(ItemStatus.RESOLVED, now);
                log.record(item, ACTOR, RemediationEvent.Kind.STATUS, from, before, reason, clock.instant());
            }
        });
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
