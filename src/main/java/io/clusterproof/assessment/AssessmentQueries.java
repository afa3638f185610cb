package io.clusterproof.assessment;

import io.clusterproof.base.SqlPages;
import io.clusterproof.base.SqlTime;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ResourceKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads stored assessments. Summary figures come from the stored aggregates; findings are read a
 * page at a time. Every role may read posture.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentQueries {

    private static final int STREAM_FETCH_SIZE = 1000;
    /** Resources of one check looked up by name at most; more are found in one pass over the check's findings. */
    private static final int NAME_BATCH = 500;

    private static final String ASSESSMENT_COLUMNS =
            "id, cluster_id, snapshot_id, lineage, previous_id, snapshot_taken_at, "
                    + "assessed_at, catalog_digest, partial, requested_by, finding_count, duration_ms";
    private static final String FINDING_COLUMNS = "f.id, f.check_id, f.status, f.severity, f.api_group, f.kind, "
            + "f.namespace, f.name, f.api_version, f.message, f.paths, f.frameworks, f.digest, f.waiver_id, f.first_seen_at, "
            + "coalesce(lt.snapshot_taken_at, latest.snapshot_taken_at)";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final Catalog catalog;

    AssessmentQueries(JdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.streaming =
                new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource(), "a JdbcTemplate with a DataSource"));
        this.streaming.setFetchSize(STREAM_FETCH_SIZE);
        this.catalog = catalog;
    }

    /**
     * A framework's posture: the stored aggregates for the whole cluster, or, for a namespace
     * selection, statuses and scores derived from finding counts per check (one grouped query,
     * never the findings themselves). Attestation controls keep their stored status.
     */
    public Posture posture(long assessmentId, String frameworkId, Collection<String> namespaces) {
        var stored = controls(assessmentId, frameworkId);
        if (namespaces.isEmpty()) {
            var score = scores(assessmentId).stream()
                    .filter(s -> s.frameworkId().equals(frameworkId))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no scores of " + frameworkId));
            return new Posture(score, stored, false);
        }
        var framework = catalog.framework(frameworkId)
                .orElseThrow(() -> new IllegalArgumentException("no framework " + frameworkId));
        var attested = new HashMap<String, Long>();
        stored.stream().filter(c -> c.attestationId() != null).forEach(c -> attested.put(c.ref(), c.attestationId()));
        var counts = countsByCheck(
                assessmentId, FindingFilter.all().withFramework(frameworkId).withNamespaces(namespaces));
        var whole = scores(assessmentId).stream()
                .filter(s -> s.frameworkId().equals(frameworkId))
                .findFirst();
        var outcome = Scoring.score(
                framework,
                Scoring.severities(catalog),
                counts,
                (fw, ref) -> attested.get(ref),
                whole.map(FrameworkScore::scopeEmpty).orElse(false));
        return new Posture(outcome.score(), outcome.controls(), true);
    }

    /** Finding counts per check and status, for the findings the filter selects. */
    public Map<String, StatusCounts> countsByCheck(long assessmentId, FindingFilter filter) {
        var where = FindingWhere.of(require(assessmentId), filter);
        var counters = new HashMap<String, int[]>();
        jdbc.query(
                "select f.check_id, f.status, count(*) from finding_state f where " + where.sql()
                        + " group by f.check_id, f.status",
                rs -> {
                    counters.computeIfAbsent(rs.getString(1), k -> new int[FindingStatus.values().length])[
                                    FindingStatus.valueOf(rs.getString(2)).ordinal()] +=
                            rs.getInt(3);
                },
                where.args().toArray());
        var counts = new HashMap<String, StatusCounts>();
        counters.forEach((check, c) -> counts.put(check, Scoring.of(c)));
        return counts;
    }

    public Optional<AssessmentSummary> get(long assessmentId) {
        return jdbc
                .query("select " + ASSESSMENT_COLUMNS + " from assessment where id = ?", SUMMARY, assessmentId)
                .stream()
                .findFirst();
    }

    /** The newest assessment of the cluster's main lineage, as the stored latest posture names it. */
    public Optional<AssessmentSummary> latest(long clusterId) {
        return jdbc
                .query(
                        "select " + ASSESSMENT_COLUMNS + " from assessment where id = "
                                + "(select assessment_id from cluster_posture where cluster_id = ?)",
                        SUMMARY,
                        clusterId)
                .stream()
                .findFirst();
    }

    /**
     * The latest posture of each of these clusters that has one: its newest main-lineage assessment
     * and that assessment's framework scores, read through the stored latest posture in two queries
     * however many clusters there are.
     */
    public Map<Long, LatestPosture> latestPostures(Collection<Long> clusterIds) {
        var postures = new HashMap<Long, LatestPosture>();
        var ids = List.copyOf(clusterIds);
        for (int from = 0; from < ids.size(); from += 500) {
            var batch = ids.subList(from, Math.min(ids.size(), from + 500));
            var in = String.join(",", Collections.nCopies(batch.size(), "?"));
            var summaries = jdbc.query(
                    "select " + ASSESSMENT_COLUMNS + " from assessment where id in "
                            + "(select assessment_id from cluster_posture where cluster_id in (" + in + "))",
                    SUMMARY,
                    batch.toArray());
            var scores = new HashMap<Long, List<FrameworkScore>>();
            jdbc.query(
                    "select fs.* from cluster_posture p join framework_score fs on fs.assessment_id = p.assessment_id "
                            + "where p.cluster_id in (" + in + ") order by fs.framework_id",
                    rs -> {
                        scores.computeIfAbsent(rs.getLong("assessment_id"), k -> new ArrayList<>())
                                .add(SCORE.mapRow(rs, 0));
                    },
                    batch.toArray());
            summaries.forEach(a -> postures.put(
                    a.clusterId(), new LatestPosture(a, List.copyOf(scores.getOrDefault(a.id(), List.of())))));
        }
        return postures;
    }

    /**
     * Each cluster's score for one framework in its latest assessment, by cluster id (a cluster not
     * assessed yet is absent): what the fleet is sorted by, one query for hundreds of clusters.
     */
    public Map<Long, FrameworkScore> latestScores(String frameworkId, Collection<Long> clusterIds) {
        var scores = new HashMap<Long, FrameworkScore>();
        var ids = List.copyOf(clusterIds);
        for (int from = 0; from < ids.size(); from += 500) {
            var batch = ids.subList(from, Math.min(ids.size(), from + 500));
            var args = new ArrayList<Object>();
            args.add(frameworkId);
            args.addAll(batch);
            jdbc.query(
                    "select p.cluster_id as posture_cluster_id, fs.* from cluster_posture p join framework_score fs"
                            + " on fs.assessment_id = p.assessment_id where fs.framework_id = ? and p.cluster_id in ("
                            + String.join(",", Collections.nCopies(batch.size(), "?")) + ")",
                    rs -> {
                        scores.put(rs.getLong("posture_cluster_id"), SCORE.mapRow(rs, 0));
                    },
                    args.toArray());
        }
        return scores;
    }

    /** The main-lineage assessment of a snapshot; the latest when the snapshot was assessed again since. */
    public Optional<AssessmentSummary> forSnapshot(long snapshotId) {
        return jdbc
                .query(
                        "select " + ASSESSMENT_COLUMNS + " from assessment where snapshot_id = ? and lineage = 0 "
                                + "order by id desc fetch first 1 rows only",
                        SUMMARY,
                        snapshotId)
                .stream()
                .findFirst();
    }

    /** Assessments of a cluster, newest first, re-assessments included. */
    public Page<AssessmentSummary> list(long clusterId, Pageable pageable) {
        return SqlPages.page(
                jdbc,
                pageable,
                "select count(*) from assessment where cluster_id = ?",
                "select " + ASSESSMENT_COLUMNS + " from assessment where cluster_id = ? "
                        + "order by snapshot_taken_at desc, id desc",
                SUMMARY,
                clusterId);
    }

    /** Main-lineage assessments of a cluster after a given one, oldest first. */
    public List<AssessmentSummary> mainLineageAfter(long clusterId, long afterAssessmentId, int limit) {
        return jdbc.query(
                "select " + ASSESSMENT_COLUMNS + " from assessment where cluster_id = ? and lineage = 0 and id > ? "
                        + "order by id fetch first ? rows only",
                SUMMARY,
                clusterId,
                afterAssessmentId,
                limit);
    }

    public List<FrameworkScore> scores(long assessmentId) {
        return jdbc.query(
                "select * from framework_score where assessment_id = ? order by framework_id", SCORE, assessmentId);
    }

    /** Main-lineage scores of one framework between two times, oldest first. */
    public List<TrendPoint> trend(long clusterId, String frameworkId, Instant from, Instant to) {
        return jdbc.query(
                """
                select assessment_id, snapshot_taken_at, passing_controls, assessable_controls, passing_checks, total_checks,
                       verified_controls, scope_empty
                from framework_score
                where cluster_id = ? and framework_id = ? and main = true and snapshot_taken_at >= ? and snapshot_taken_at < ?
                order by snapshot_taken_at
                """,
                (rs, i) -> new TrendPoint(
                        rs.getLong(1),
                        SqlTime.require(rs, 2),
                        FrameworkScore.percent(rs.getInt(3), rs.getInt(4)),
                        FrameworkScore.percent(rs.getInt(7), rs.getInt(4)),
                        FrameworkScore.percent(rs.getInt(5), rs.getInt(6)),
                        !rs.getBoolean(8) && rs.getInt(4) > 0),
                clusterId,
                frameworkId,
                SqlTime.of(from),
                SqlTime.of(to));
    }

    public List<ControlResult> controls(long assessmentId, String frameworkId) {
        return jdbc.query(
                "select framework_id, control_ref, status, pass_count, fail_count, waived_count, unknown_count, "
                        + "error_count, attestation_id, note from control_result where assessment_id = ? and framework_id = ?",
                CONTROL,
                assessmentId,
                frameworkId);
    }

    public Optional<ControlResult> control(long assessmentId, String frameworkId, String ref) {
        return jdbc
                .query(
                        "select framework_id, control_ref, status, pass_count, fail_count, waived_count, unknown_count, "
                                + "error_count, attestation_id, note from control_result where assessment_id = ? and framework_id = ? "
                                + "and control_ref = ?",
                        CONTROL,
                        assessmentId,
                        frameworkId,
                        ref)
                .stream()
                .findFirst();
    }

    /** The waivers that cover findings of each check in a framework's scope, for "Pass (waived)" controls. */
    public Map<String, Set<Long>> waiversByCheck(long assessmentId, String frameworkId) {
        var where = FindingWhere.of(
                require(assessmentId),
                FindingFilter.all().withFramework(frameworkId).withStatuses(EnumSet.of(FindingStatus.WAIVED)));
        var byCheck = new HashMap<String, Set<Long>>();
        jdbc.query(
                "select distinct f.check_id, f.waiver_id from finding_state f where " + where.sql()
                        + " and f.waiver_id is not null",
                rs -> {
                    byCheck.computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
                            .add(rs.getLong(2));
                },
                where.args().toArray());
        return byCheck;
    }

    /** The waivers a control's PASS_WAIVED rests on. */
    public static Set<Long> waiversOf(ControlDefinition control, Map<String, Set<Long>> waiversByCheck) {
        var waivers = new TreeSet<Long>();
        control.mappedChecks().forEach(m -> waivers.addAll(waiversByCheck.getOrDefault(m.id(), Set.of())));
        return waivers;
    }

    public long countFindings(long assessmentId, FindingFilter filter) {
        var where = FindingWhere.of(require(assessmentId), filter);
        var count = jdbc.queryForObject(
                "select count(*) from finding_state f where " + where.sql(),
                Long.class,
                where.args().toArray());
        return count == null ? 0 : count;
    }

    /** A page of findings, worst first: FAIL before ERROR, UNKNOWN, WAIVED and PASS; then by severity and resource. */
    public List<StoredFinding> findings(long assessmentId, FindingFilter filter, long offset, int limit) {
        var assessment = require(assessmentId);
        var where = FindingWhere.of(assessment, filter);
        var args = new ArrayList<Object>();
        args.add(assessment.findingLineage());
        args.addAll(where.args());
        args.add(offset);
        args.add(limit);
        return jdbc.query(
                findingSelect() + " where " + where.sql() + WORST_FIRST + " offset ? rows fetch next ? rows only",
                FINDING,
                args.toArray());
    }

    private static final String WORST_FIRST = """
             order by case f.status when 'FAIL' then 0 when 'ERROR' then 1 when 'UNKNOWN' then 2 when 'WAIVED' then 3
               when 'PASS' then 4 else 5 end,
               case f.severity when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end,
               f.check_id, f.kind, f.namespace, f.name""";

    /**
     * Every finding the filter lets through, worst first as in {@link #findings}, handed over one at
     * a time as the database returns them: for reading a whole assessment, which pages cannot do at
     * scale (each page sorts every finding again and skips those before it; for the 230,000 failing
     * findings of a 250,000-object cluster that took hours). In the caller's transaction, or a
     * read-only one of its own: PostgreSQL streams rows only within a transaction.
     */
    public void eachFinding(long assessmentId, FindingFilter filter, Consumer<StoredFinding> action) {
        var assessment = require(assessmentId);
        var where = FindingWhere.of(assessment, filter);
        var args = new ArrayList<Object>();
        args.add(assessment.findingLineage());
        args.addAll(where.args());
        int[] row = {0};
        streaming.query(
                findingSelect() + " where " + where.sql() + WORST_FIRST,
                rs -> {
                    action.accept(FINDING.mapRow(rs, row[0]++));
                },
                args.toArray());
    }

    public Optional<StoredFinding> finding(long assessmentId, String checkId, ResourceKey resource) {
        var assessment = require(assessmentId);
        var where = FindingWhere.of(assessment, FindingFilter.all());
        var args = new ArrayList<Object>();
        args.add(assessment.findingLineage());
        args.addAll(where.args());
        args.addAll(List.of(checkId, resource.group(), resource.kind(), resource.namespace(), resource.name()));
        return jdbc
                .query(
                        findingSelect() + " where " + where.sql() + " and f.check_id = ? and f.api_group = ? "
                                + "and f.kind = ? and f.namespace = ? and f.name = ?",
                        FINDING,
                        args.toArray())
                .stream()
                .findFirst();
    }

    /** Every finding of one resource, across frameworks. */
    public List<StoredFinding> findingsOf(long assessmentId, ResourceKey resource) {
        var assessment = require(assessmentId);
        var where = FindingWhere.of(assessment, FindingFilter.all());
        var args = new ArrayList<Object>();
        args.add(assessment.findingLineage());
        args.addAll(where.args());
        args.addAll(List.of(resource.group(), resource.kind(), resource.namespace(), resource.name()));
        return jdbc.query(
                findingSelect() + " where " + where.sql()
                        + " and f.api_group = ? and f.kind = ? and f.namespace = ? and f.name = ? order by f.status, f.check_id",
                FINDING,
                args.toArray());
    }

    /** A check on a resource. */
    public record CheckedResource(String checkId, ResourceKey resource) {}

    /**
     * The outcome of checks on resources in an assessment (pairs without a finding are absent). A
     * few hundred pairs are looked up by check and name in one query; more are found in one pass
     * over the assessment's findings of those checks as they stream from the database: the follow-up
     * of a rollout of a large cluster asks for a hundred thousand across dozens of checks, and a
     * pass per check, or per batch of names, read the assessment's findings again each time.
     */
    public Map<CheckedResource, FindingOutcome> outcomesOf(long assessmentId, Collection<CheckedResource> pairs) {
        var outcomes = new HashMap<CheckedResource, FindingOutcome>();
        if (pairs.isEmpty()) {
            return outcomes;
        }
        var wanted = new HashSet<>(pairs);
        var checks = new TreeSet<String>();
        var names = new TreeSet<String>();
        wanted.forEach(p -> {
            checks.add(p.checkId());
            names.add(p.resource().name());
        });
        var where = FindingWhere.of(require(assessmentId), FindingFilter.all().withChecks(List.copyOf(checks)));
        var select = "select f.check_id, f.api_group, f.kind, f.namespace, f.name, f.status, f.message"
                + " from finding_state f where " + where.sql();
        RowCallbackHandler handler = rs -> {
            var pair = new CheckedResource(
                    rs.getString(1),
                    new ResourceKey(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            if (wanted.contains(pair)) {
                outcomes.put(pair, FindingOutcome.of(FindingStatus.valueOf(rs.getString(6)), rs.getString(7)));
            }
        };
        if (wanted.size() > NAME_BATCH) {
            streaming.query(select, handler, where.args().toArray());
            return outcomes;
        }
        var args = new ArrayList<>(where.args());
        args.addAll(names);
        jdbc.query(
                select + " and f.name in (" + String.join(",", Collections.nCopies(names.size(), "?")) + ")",
                handler,
                args.toArray());
        return outcomes;
    }

    /** Findings of a waiver, for the waiver report ("unused" = matches nothing). */
    public long countWaived(long assessmentId, long waiverId) {
        var assessment = require(assessmentId);
        var where = FindingWhere.of(assessment, FindingFilter.all());
        var args = new ArrayList<>(where.args());
        args.add(waiverId);
        var count = jdbc.queryForObject(
                "select count(*) from finding_state f where " + where.sql() + " and f.waiver_id = ?",
                Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    private static String findingSelect() {
        return "select " + FINDING_COLUMNS + " from finding_state f"
                + " left join assessment lt on lt.id = f.valid_to"
                + " left join (select cluster_id, max(snapshot_taken_at) as snapshot_taken_at from assessment"
                + " where lineage = ? group by cluster_id) latest on latest.cluster_id = f.cluster_id";
    }

    AssessmentSummary require(long assessmentId) {
        return get(assessmentId).orElseThrow(() -> new IllegalArgumentException("no assessment " + assessmentId));
    }

    /** The filter as SQL over {@code finding_state f}, for the assessment's lineage and position. */
    record FindingWhere(String sql, List<Object> args) {

        static FindingWhere of(AssessmentSummary assessment, FindingFilter filter) {
            var sql = new StringBuilder(
                    "f.cluster_id = ? and f.lineage = ? and f.valid_from <= ? and (f.valid_to is null or f.valid_to >= ?)");
            var args = new ArrayList<Object>(
                    List.of(assessment.clusterId(), assessment.findingLineage(), assessment.id(), assessment.id()));
            if (filter.frameworkId() != null && !filter.frameworkId().isBlank()) {
                sql.append(" and f.frameworks like ?");
                args.add("%," + filter.frameworkId() + ",%");
            }
            in(sql, args, "f.check_id", filter.checkIds());
            in(
                    sql,
                    args,
                    "f.status",
                    filter.statuses() == null
                            ? null
                            : filter.statuses().stream().map(Enum::name).toList());
            in(sql, args, "f.namespace", filter.namespaces());
            in(
                    sql,
                    args,
                    "f.severity",
                    filter.severities() == null
                            ? null
                            : filter.severities().stream().map(Enum::name).toList());
            if (filter.kind() != null && !filter.kind().isBlank()) {
                sql.append(" and f.kind = ?");
                args.add(filter.kind());
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                var pattern = "%" + filter.text().trim().toLowerCase(Locale.ROOT) + "%";
                sql.append(" and (lower(f.name) like ? or lower(f.message) like ? or lower(f.namespace) like ?)");
                args.addAll(List.of(pattern, pattern, pattern));
            }
            return new FindingWhere(sql.toString(), args);
        }

        private static void in(
                StringBuilder sql, List<Object> args, String column, @Nullable Collection<String> values) {
            if (values == null || values.isEmpty()) {
                return;
            }
            sql.append(" and ")
                    .append(column)
                    .append(" in (")
                    .append(String.join(",", Collections.nCopies(values.size(), "?")))
                    .append(")");
            args.addAll(values);
        }
    }

    private static final RowMapper<AssessmentSummary> SUMMARY = (rs, i) -> new AssessmentSummary(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getLong(4),
            rs.getObject(5) == null ? null : rs.getLong(5),
            SqlTime.require(rs, 6),
            SqlTime.require(rs, 7),
            rs.getString(8),
            rs.getBoolean(9),
            rs.getString(10),
            rs.getInt(11),
            rs.getInt(12));

    private static final RowMapper<ControlResult> CONTROL = (rs, i) -> new ControlResult(
            rs.getString(1),
            rs.getString(2),
            ControlStatus.valueOf(rs.getString(3)),
            rs.getInt(4),
            rs.getInt(5),
            rs.getInt(6),
            rs.getInt(7),
            rs.getInt(8),
            rs.getObject(9) == null ? null : rs.getLong(9),
            rs.getString(10));

    private static final RowMapper<StoredFinding> FINDING = AssessmentQueries::finding;

    private static StoredFinding finding(ResultSet rs, int row) throws SQLException {
        return new StoredFinding(
                rs.getLong(1),
                rs.getString(2),
                FindingStatus.valueOf(rs.getString(3)),
                Severity.valueOf(rs.getString(4)),
                new ResourceKey(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                rs.getString(9),
                rs.getString(10),
                FindingRows.splitPaths(rs.getString(11)),
                FindingRows.splitFrameworks(rs.getString(12)),
                rs.getString(13),
                rs.getObject(14) == null ? null : rs.getLong(14),
                SqlTime.require(rs, 15),
                SqlTime.require(rs, 16));
    }

    private static final RowMapper<FrameworkScore> SCORE = (rs, i) -> new FrameworkScore(
            rs.getString("framework_id"),
            new ControlCounts(
                    rs.getInt("controls_pass"),
                    rs.getInt("controls_pass_waived"),
                    rs.getInt("controls_fail"),
                    rs.getInt("controls_needs_attestation"),
                    rs.getInt("controls_attested"),
                    rs.getInt("controls_unknown"),
                    rs.getInt("controls_error"),
                    rs.getInt("controls_na")),
            rs.getInt("verified_controls"),
            rs.getInt("automated_controls"),
            rs.getInt("total_controls"),
            new StatusCounts(
                    rs.getInt("findings_pass"),
                    rs.getInt("findings_fail"),
                    rs.getInt("findings_waived"),
                    rs.getInt("findings_unknown"),
                    rs.getInt("findings_error"),
                    rs.getInt("findings_na")),
            severities(rs),
            rs.getBoolean("scope_empty"));

    private static List<SeverityScore> severities(ResultSet rs) throws SQLException {
        var severities = new ArrayList<SeverityScore>();
        for (var severity : Severity.values()) {
            var prefix = severity.name().toLowerCase(Locale.ROOT);
            int total = rs.getInt(prefix + "_total");
            if (total > 0) {
                severities.add(new SeverityScore(severity, rs.getInt(prefix + "_passing"), total));
            }
        }
        return severities;
    }
}
