package io.clusterproof.assessment;

import io.clusterproof.base.SqlTime;
import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ResourceKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes an assessment: its row, the framework scores and control results, the findings as
 * version rows (unchanged findings cost nothing), and for the main lineage the cluster's latest
 * posture. Called inside the caller's transaction.
 */
@Component
class AssessmentStore {

    private static final int BATCH = 1000;

    record Header(
            long clusterId,
            long snapshotId,
            boolean mainLineage,
            @Nullable Long previousId,
            Instant takenAt,
            Instant assessedAt,
            boolean partial,
            String requestedBy,
            int durationMillis) {}

    private record FindingKey(String checkId, ResourceKey resource) {}

    /**
     * A current finding row as far as the comparison needs it. A large cluster has millions: the
     * row's content is kept as 128 bits of its SHA-256, not as text.
     */
    private record CurrentFinding(long id, FindingStatus status, Fingerprint fingerprint, Instant firstSeenAt) {}

    private record Fingerprint(long high, long low) {

        static Fingerprint of(String content) {
            var hash = ByteBuffer.wrap(sha256().digest(content.getBytes(StandardCharsets.UTF_8)));
            return new Fingerprint(hash.getLong(), hash.getLong());
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JRE", e);
            }
        }
    }

    private final JdbcTemplate jdbc;

    AssessmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long store(Header header, AssessmentResult result) {
        var writing = start(header, result.catalogDigest());
        writing.accept(result.findings());
        return writing.finish(result.scores(), result.controls(), header.durationMillis(), header.assessedAt());
    }

    /** Inserts the assessment's row; its findings follow batch by batch, its scores at the end. */
    Writing start(Header header, String catalogDigest) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement("""
                    insert into assessment (cluster_id, snapshot_id, lineage, previous_id, snapshot_taken_at, assessed_at,
                        catalog_digest, partial, requested_by, finding_count, duration_ms)
                    values (?, ?, 0, ?, ?, ?, ?, ?, ?, 0, 0)
                    """, new String[] {"id"});
                    statement.setLong(1, header.clusterId());
                    statement.setLong(2, header.snapshotId());
                    statement.setObject(3, header.previousId());
                    statement.setObject(4, SqlTime.of(header.takenAt()));
                    statement.setObject(5, SqlTime.of(header.assessedAt()));
                    statement.setString(6, catalogDigest);
                    statement.setBoolean(7, header.partial());
                    statement.setString(8, header.requestedBy());
                    return statement;
                },
                keys);
        long id = Objects.requireNonNull(keys.getKey(), "the insert returns the generated id")
                .longValue();
        if (!header.mainLineage()) {
            jdbc.update("update assessment set lineage = ? where id = ?", id, id);
        }
        var current =
                header.mainLineage() ? currentFindings(header.clusterId()) : new HashMap<FindingKey, CurrentFinding>();
        return new Writing(id, header, current);
    }

    /**
     * An assessment being stored, inside the caller's transaction: findings are compared with the
     * cluster's current ones and written as they come, so a large assessment never holds them all.
     */
    final class Writing implements AssessmentEngine.FindingSink {

        private final long id;
        private final long lineage;
        private final Header header;
        private final Map<FindingKey, CurrentFinding> current;
        private int findings;

        private Writing(long id, Header header, Map<FindingKey, CurrentFinding> current) {
            this.id = id;
            this.lineage = header.mainLineage() ? 0 : id;
            this.header = header;
            this.current = current;
        }

        @Override
        public void accept(List<Finding> batch) {
            findings += batch.size();
            storeFindings(id, lineage, header, current, batch);
        }

        /** Ends the findings (those of the previous assessment not seen again end here) and stores the scores. */
        long finish(List<FrameworkScore> scores, List<ControlResult> controls, int durationMillis, Instant assessedAt) {
            closeFindings(
                    id,
                    header,
                    current.values().stream().map(CurrentFinding::id).toList());
            current.clear();
            storeScores(id, header, scores);
            storeControls(id, controls);
            if (header.mainLineage()) {
                storeLatest(id, header);
            }
            jdbc.update(
                    "update assessment set finding_count = ?, duration_ms = ?, assessed_at = ? where id = ?",
                    findings,
                    durationMillis,
                    SqlTime.of(assessedAt),
                    id);
            return id;
        }
    }

    private void storeScores(long id, Header header, List<FrameworkScore> scores) {
        jdbc.batchUpdate("""
                insert into framework_score (assessment_id, framework_id, cluster_id, main, snapshot_taken_at,
                    passing_controls, assessable_controls, passing_checks, total_checks, automated_controls, total_controls,
                    controls_pass, controls_pass_waived, controls_fail, controls_unknown, controls_error, controls_na,
                    controls_needs_attestation, controls_attested, verified_controls, scope_empty,
                    findings_pass, findings_fail, findings_waived, findings_unknown, findings_error, findings_na,
                    critical_passing, critical_total, high_passing, high_total, medium_passing, medium_total,
                    low_passing, low_total)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?)
                """, scores, BATCH, (s, score) -> {
            int i = 1;
            s.setLong(i++, id);
            s.setString(i++, score.frameworkId());
            s.setLong(i++, header.clusterId());
            s.setBoolean(i++, header.mainLineage());
            s.setObject(i++, SqlTime.of(header.takenAt()));
            s.setInt(i++, score.passingControls());
            s.setInt(i++, score.scoredControls());
            s.setInt(i++, score.passingChecks());
            s.setInt(i++, score.totalChecks());
            s.setInt(i++, score.automatedControls());
            s.setInt(i++, score.totalControls());
            var c = score.controls();
            s.setInt(i++, c.pass());
            s.setInt(i++, c.passWaived());
            s.setInt(i++, c.fail());
            s.setInt(i++, c.unknown());
            s.setInt(i++, c.error());
            s.setInt(i++, c.notApplicable());
            s.setInt(i++, c.needsAttestation());
            s.setInt(i++, c.attested());
            s.setInt(i++, score.verifiedControls());
            s.setBoolean(i++, score.scopeEmpty());
            var f = score.findings();
            s.setInt(i++, f.pass());
            s.setInt(i++, f.fail());
            s.setInt(i++, f.waived());
            s.setInt(i++, f.unknown());
            s.setInt(i++, f.error());
            s.setInt(i++, f.notApplicable());
            for (var severity : Severity.values()) {
                var bySeverity = score.severities().stream()
                        .filter(x -> x.severity() == severity)
                        .findFirst()
                        .orElse(new SeverityScore(severity, 0, 0));
                s.setInt(i++, bySeverity.passingChecks());
                s.setInt(i++, bySeverity.totalChecks());
            }
        });
    }

    /**
     * Points the cluster's stored latest posture at this assessment. Main-lineage assessments of a
     * cluster are stored one at a time (the cursor row is locked), each with a higher id.
     */
    private void storeLatest(long id, Header header) {
        var takenAt = SqlTime.of(header.takenAt());
        var updated = jdbc.update(
                "update cluster_posture set assessment_id = ?, snapshot_taken_at = ? where cluster_id = ? "
                        + "and assessment_id < ?",
                id,
                takenAt,
                header.clusterId(),
                id);
        if (updated == 0) {
            jdbc.update(
                    "insert into cluster_posture (cluster_id, assessment_id, snapshot_taken_at) select ?, ?, ? "
                            + "where not exists (select 1 from cluster_posture where cluster_id = ?)",
                    header.clusterId(),
                    id,
                    takenAt,
                    header.clusterId());
        }
    }

    private void storeControls(long id, List<ControlResult> controls) {
        jdbc.batchUpdate("""
                insert into control_result (assessment_id, framework_id, control_ref, status, pass_count, fail_count,
                    waived_count, unknown_count, error_count, attestation_id, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, controls, BATCH, (s, control) -> {
            s.setLong(1, id);
            s.setString(2, control.frameworkId());
            s.setString(3, control.ref());
            s.setString(4, control.status().name());
            s.setInt(5, control.pass());
            s.setInt(6, control.fail());
            s.setInt(7, control.waived());
            s.setInt(8, control.unknown());
            s.setInt(9, control.error());
            s.setObject(10, control.attestationId());
            s.setString(11, control.note());
        });
    }

    private void storeFindings(
            long id, long lineage, Header header, Map<FindingKey, CurrentFinding> current, List<Finding> findings) {
        var inserts = new ArrayList<Finding>();
        var firstSeen = new HashMap<Finding, Instant>();
        var closes = new ArrayList<Long>();
        for (var finding : findings) {
            var row = current.remove(new FindingKey(finding.checkId(), finding.resource()));
            if (row != null && row.fingerprint().equals(fingerprint(finding))) {
                continue;
            }
            if (row != null) {
                closes.add(row.id());
            }
            inserts.add(finding);
            firstSeen.put(
                    finding, row != null && row.status() == finding.status() ? row.firstSeenAt() : header.takenAt());
        }
        closeFindings(id, header, closes);
        jdbc.batchUpdate("""
                insert into finding_state (cluster_id, lineage, check_id, api_group, kind, namespace, name, api_version,
                    status, severity, message, paths, frameworks, digest, waiver_id, first_seen_at, valid_from, valid_to)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, inserts, BATCH, (s, f) -> {
            int i = 1;
            s.setLong(i++, header.clusterId());
            s.setLong(i++, lineage);
            s.setString(i++, f.checkId());
            s.setString(i++, f.resource().group());
            s.setString(i++, f.resource().kind());
            s.setString(i++, f.resource().namespace());
            s.setString(i++, f.resource().name());
            s.setString(i++, f.apiVersion());
            s.setString(i++, f.status().name());
            s.setString(i++, f.severity().name());
            s.setString(i++, FindingRows.truncateMessage(f.message()));
            s.setString(i++, FindingRows.joinPaths(f.paths()));
            s.setString(i++, FindingRows.joinFrameworks(f.frameworks()));
            s.setString(i++, f.digest());
            s.setObject(i++, f.waiverId());
            s.setObject(i++, SqlTime.of(firstSeen.get(f)));
            s.setLong(i++, id);
            s.setObject(i, header.mainLineage() ? null : id);
        });
    }

    private void closeFindings(long id, Header header, List<Long> rowIds) {
        long lastValid = header.previousId() == null ? id - 1 : header.previousId();
        jdbc.batchUpdate("update finding_state set valid_to = ? where id = ?", rowIds, BATCH, (s, rowId) -> {
            s.setLong(1, lastValid);
            s.setLong(2, rowId);
        });
    }

    private Map<FindingKey, CurrentFinding> currentFindings(long clusterId) {
        var rows = new HashMap<FindingKey, CurrentFinding>();
        // the same check ids, kinds, namespaces, names and times recur across rows: keep one of each
        var shared = new HashMap<Object, Object>();
        jdbc.query(
                """
                select id, check_id, api_group, kind, namespace, name, status, message, paths, frameworks, digest, waiver_id,
                    first_seen_at, severity
                from finding_state where cluster_id = ? and lineage = 0 and valid_to is null
                """,
                rs -> {
                    var key = new FindingKey(
                            share(shared, rs.getString(2)),
                            new ResourceKey(
                                    share(shared, rs.getString(3)),
                                    share(shared, rs.getString(4)),
                                    share(shared, rs.getString(5)),
                                    share(shared, rs.getString(6))));
                    var status = FindingStatus.valueOf(rs.getString(7));
                    var waiver = rs.getObject(12) == null ? null : rs.getLong(12);
                    var fingerprint = fingerprint(
                            status,
                            Severity.valueOf(rs.getString(14)),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11),
                            waiver);
                    rows.put(
                            key,
                            new CurrentFinding(
                                    rs.getLong(1), status, fingerprint, share(shared, SqlTime.require(rs, 13))));
                },
                clusterId);
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static <T> T share(Map<Object, Object> shared, T value) {
        return (T) shared.computeIfAbsent(value, v -> v);
    }

    private static Fingerprint fingerprint(Finding f) {
        return fingerprint(
                f.status(),
                f.severity(),
                FindingRows.truncateMessage(f.message()),
                FindingRows.joinPaths(f.paths()),
                FindingRows.joinFrameworks(f.frameworks()),
                f.digest(),
                f.waiverId());
    }

    private static Fingerprint fingerprint(
            FindingStatus status,
            Severity severity,
            String message,
            String paths,
            String frameworks,
            String digest,
            @Nullable Long waiver) {
        return Fingerprint.of(status + "|" + severity + "|" + message + "|" + paths + "|" + frameworks + "|" + digest
                + "|" + Objects.toString(waiver, ""));
    }
}
