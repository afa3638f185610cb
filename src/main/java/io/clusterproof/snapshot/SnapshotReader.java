package io.clusterproof.snapshot;

import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.SqlPages;
import io.clusterproof.base.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads stored snapshots. An object belongs to snapshot S of its cluster when its version row is
 * valid from a snapshot at or before S to one at or after S. Everything here is redacted already,
 * so every signed-in role may read it.
 */
@Service
@Transactional(readOnly = true)
public class SnapshotReader {

    private static final String SNAPSHOT_COLUMNS =
            "id, cluster_id, run_id, taken_at, status, object_count, added_count, "
                    + "changed_count, removed_count, stored_bytes, digest, kubernetes_version, source, provenance, "
                    + "provenance_detail, uploaded_by, upload_file_name, upload_sha256, off_source, "
                    + "agent_signature, agent_key_fingerprint";
    private static final String IN_SNAPSHOT =
            "rs.cluster_id = ? and rs.valid_from <= ? and (rs.valid_to is null or rs.valid_to >= ?)";

    private final JdbcTemplate jdbc;

    SnapshotReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SnapshotSummary> summary(long snapshotId) {
        return jdbc.query("select " + SNAPSHOT_COLUMNS + " from snapshot where id = ?", SUMMARY, snapshotId).stream()
                .findFirst();
    }

    public Optional<SnapshotSummary> latest(long clusterId) {
        return jdbc
                .query(
                        "select " + SNAPSHOT_COLUMNS + " from snapshot where cluster_id = ? order by id desc "
                                + "fetch first 1 rows only",
                        SUMMARY,
                        clusterId)
                .stream()
                .findFirst();
    }

    /** The latest snapshot of each of these clusters that has one, by cluster id, in one query a 500 clusters. */
    public Map<Long, SnapshotSummary> latestOfEach(Collection<Long> clusterIds) {
        var latest = new HashMap<Long, SnapshotSummary>();
        var ids = List.copyOf(clusterIds);
        for (int from = 0; from < ids.size(); from += 500) {
            var batch = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.query(
                            "select " + SNAPSHOT_COLUMNS + " from snapshot where id in (select (select max(s.id) from "
                                    + "snapshot s where s.cluster_id = c.id) from cluster c where c.id in ("
                                    + String.join(",", Collections.nCopies(batch.size(), "?")) + "))",
                            SUMMARY,
                            batch.toArray())
                    .forEach(s -> latest.put(s.clusterId(), s));
        }
        return latest;
    }

    /** The id of the cluster's first snapshot after the given one; empty when there is none yet. */
    public Optional<Long> nextAfter(long clusterId, long snapshotId) {
        return jdbc
                .queryForList(
                        "select id from snapshot where cluster_id = ? and id > ? order by id fetch first 1 rows only",
                        Long.class,
                        clusterId,
                        snapshotId)
                .stream()
                .findFirst();
    }

    public Page<SnapshotSummary> list(long clusterId, Pageable pageable) {
        return SqlPages.page(
                jdbc,
                pageable,
                "select count(*) from snapshot where cluster_id = ?",
                "select " + SNAPSHOT_COLUMNS + " from snapshot where cluster_id = ? order by id desc",
                SUMMARY,
                clusterId);
    }

    public List<MissingKind> missingKinds(long snapshotId) {
        return jdbc.query(
                "select kind, reason from snapshot_missing_kind where snapshot_id = ? order by kind",
                (rs, i) -> new MissingKind(rs.getString(1), rs.getString(2)),
                snapshotId);
    }

    /** The kinds each cluster's latest snapshot lacks, by cluster id; clusters whose latest lacks none are absent. */
    public Map<Long, List<MissingKind>> latestMissingKindsOfEachCluster() {
        var missing = new HashMap<Long, List<MissingKind>>();
        jdbc.query("""
                select s.cluster_id, m.kind, m.reason from snapshot_missing_kind m join snapshot s on s.id = m.snapshot_id
                where m.snapshot_id in (select (select max(s2.id) from snapshot s2 where s2.cluster_id = c.id) from cluster c)
                order by s.cluster_id, m.kind
                """, rs -> {
            missing.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new MissingKind(rs.getString(2), rs.getString(3)));
        });
        return missing;
    }

    public List<MissingKind> latestMissingKinds(long clusterId) {
        return latest(clusterId).map(s -> missingKinds(s.id())).orElse(List.of());
    }

    public List<ManifestIssue> issues(long snapshotId) {
        return jdbc.query(
                "select level, source, message from snapshot_issue where snapshot_id = ? order by id",
                (rs, i) -> new ManifestIssue(
                        ManifestIssue.Level.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)),
                snapshotId);
    }

    public List<String> kinds(long snapshotId) {
        var snapshot = require(snapshotId);
        return jdbc.queryForList(
                "select distinct rs.kind from resource_state rs where " + IN_SNAPSHOT + " order by 1",
                String.class,
                snapshot.clusterId(),
                snapshotId,
                snapshotId);
    }

    public List<String> namespaces(long snapshotId) {
        var snapshot = require(snapshotId);
        return jdbc.queryForList(
                "select distinct rs.namespace from resource_state rs where " + IN_SNAPSHOT
                        + " and rs.namespace <> '' order by 1",
                String.class,
                snapshot.clusterId(),
                snapshotId,
                snapshotId);
    }

    public long count(long snapshotId, ResourceFilter filter) {
        var snapshot = require(snapshotId);
        var where = new Where(snapshot.clusterId(), snapshotId, filter);
        var total = jdbc.queryForObject(
                "select count(*) from resource_state rs where " + where.sql, Long.class, where.args.toArray());
        return total == null ? 0 : total;
    }

    public List<ResourceRow> resources(long snapshotId, ResourceFilter filter, long offset, int limit) {
        var snapshot = require(snapshotId);
        var where = new Where(snapshot.clusterId(), snapshotId, filter);
        var args = new ArrayList<>(where.args);
        args.add(offset);
        args.add(limit);
        return jdbc.query(
                "select rs.api_group, rs.kind, rs.namespace, rs.name, rs.api_version, rs.digest, rs.controlled "
                        + "from resource_state rs where " + where.sql
                        + " order by rs.kind, rs.namespace, rs.name offset ? rows fetch next ? rows only",
                ROW,
                args.toArray());
    }

    public Optional<StoredObject> object(long snapshotId, ResourceKey key) {
        var snapshot = require(snapshotId);
        var bodies = new StoredBodies(jdbc);
        return jdbc
                .query(
                        "select rs.api_group, rs.kind, rs.namespace, rs.name, rs.api_version, rs.digest, rs.controlled, "
                                + StoredBodies.COLUMNS
                                + " from resource_state rs join resource_body rb on rb.digest = rs.digest where "
                                + IN_SNAPSHOT
                                + " and rs.api_group = ? and rs.kind = ? and rs.namespace = ? and rs.name = ?",
                        (rs, i) -> stored(rs, bodies.parse(rs, 8)),
                        snapshot.clusterId(),
                        snapshotId,
                        snapshotId,
                        key.group(),
                        key.kind(),
                        key.namespace(),
                        key.name())
                .stream()
                .findFirst();
    }

    /** Each namespace of the snapshot with its labels (teams and data classes come from them). */
    public Map<String, Map<String, String>> namespaceLabels(long snapshotId) {
        var snapshot = require(snapshotId);
        var labels = new TreeMap<String, Map<String, String>>();
        var bodies = new StoredBodies(jdbc);
        jdbc.query(
                "select rs.name, " + StoredBodies.COLUMNS
                        + " from resource_state rs join resource_body rb on rb.digest = rs.digest where "
                        + IN_SNAPSHOT + " and rs.api_group = '' and rs.kind = 'Namespace'",
                rs -> {
                    var body = bodies.parse(rs, 2);
                    labels.put(rs.getString(1), Map.copyOf(KubeObjects.labels(body)));
                },
                snapshot.clusterId(),
                snapshotId,
                snapshotId);
        return labels;
    }

    /** The body stored under a digest, parsed. */
    public Optional<Map<String, Object>> body(String digest) {
        return jdbc
                .query(
                        "select " + StoredBodies.COLUMNS + " from resource_body rb where rb.digest = ?",
                        (rs, i) -> new StoredBodies(jdbc).parse(rs, 1),
                        digest)
                .stream()
                .findFirst();
    }

    /** Everything an assessment needs; bodies with equal digests are parsed once and shared. */
    public SnapshotContents contents(long snapshotId) {
        var snapshot = require(snapshotId);
        var objects = new ArrayList<StoredObject>();
        var parsed = new HashMap<String, Map<String, Object>>();
        var bodies = new StoredBodies(jdbc);
        jdbc.query(
                "select rs.api_group, rs.kind, rs.namespace, rs.name, rs.api_version, rs.digest, rs.controlled, "
                        + StoredBodies.COLUMNS
                        + " from resource_state rs join resource_body rb on rb.digest = rs.digest where " + IN_SNAPSHOT
                        + " and rs.controlled = false",
                rs -> {
                    var body = parsed.computeIfAbsent(rs.getString(6), d -> {
                        try {
                            return bodies.parse(rs, 8);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    objects.add(stored(rs, body));
                },
                snapshot.clusterId(),
                snapshotId,
                snapshotId);
        var controlled = jdbc.query(
                "select rs.api_group, rs.kind, rs.namespace, rs.name, rs.api_version, rs.digest, "
                        + "rs.controlled from resource_state rs where " + IN_SNAPSHOT + " and rs.controlled = true",
                ROW,
                snapshot.clusterId(),
                snapshotId,
                snapshotId);
        return new SnapshotContents(snapshot, objects, controlled, missingKinds(snapshotId));
    }

    /**
     * Hands out, one at a time and without keeping them, the replica sets, jobs and replication
     * controllers that controllers own: the templates of the pods they create.
     */
    public void eachControlledOwner(long snapshotId, Consumer<StoredObject> action) {
        eachControlled(
                snapshotId,
                "(rs.api_group = '' and rs.kind = 'ReplicationController') or (rs.api_group = 'apps' and "
                        + "rs.kind = 'ReplicaSet') or (rs.api_group = 'batch' and rs.kind = 'Job')",
                action);
    }

    /**
     * Hands out, one at a time and without keeping them, the pods that controllers own: what a pod
     * runs is told apart from its controller's template with them. A large cluster has many more
     * of these than the memory of an assessment could hold at once.
     */
    public void eachControlledPod(long snapshotId, Consumer<StoredObject> action) {
        eachControlled(snapshotId, "rs.api_group = '' and rs.kind = 'Pod'", action);
    }

    private void eachControlled(long snapshotId, String kinds, Consumer<StoredObject> action) {
        var snapshot = require(snapshotId);
        var bodies = new StoredBodies(jdbc);
        jdbc.query(
                "select rs.api_group, rs.kind, rs.namespace, rs.name, rs.api_version, rs.digest, rs.controlled, "
                        + StoredBodies.COLUMNS
                        + " from resource_state rs join resource_body rb on rb.digest = rs.digest where " + IN_SNAPSHOT
                        + " and rs.controlled = true and (" + kinds + ")",
                rs -> {
                    action.accept(stored(rs, bodies.parse(rs, 8)));
                },
                snapshot.clusterId(),
                snapshotId,
                snapshotId);
    }

    private SnapshotSummary require(long snapshotId) {
        return summary(snapshotId)
                .orElseThrow(() -> new NotFoundException("Snapshot " + snapshotId + " does not exist."));
    }

    private static StoredObject stored(ResultSet rs, Map<String, Object> body) throws SQLException {
        return new StoredObject(
                new ResourceKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7),
                body);
    }

    private static final RowMapper<ResourceRow> ROW = (rs, i) -> new ResourceRow(
            new ResourceKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
            rs.getString(5),
            rs.getString(6),
            rs.getBoolean(7));

    private static final RowMapper<SnapshotSummary> SUMMARY = (rs, i) -> new SnapshotSummary(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            SqlTime.require(rs, 4),
            SnapshotStatus.valueOf(rs.getString(5)),
            rs.getInt(6),
            rs.getInt(7),
            rs.getInt(8),
            rs.getInt(9),
            rs.getLong(10),
            rs.getString(11),
            rs.getString(12),
            rs.getString(13),
            new Provenance(
                    Provenance.Kind.valueOf(rs.getString(14)),
                    rs.getString(15) == null ? rs.getString(13) : rs.getString(15),
                    rs.getString(16),
                    rs.getString(17),
                    rs.getString(18),
                    rs.getBoolean(19),
                    rs.getString(20),
                    rs.getString(21)));

    /** The filter as SQL over {@code resource_state rs}. */
    private static final class Where {

        private final String sql;
        private final List<Object> args = new ArrayList<>();

        Where(long clusterId, long snapshotId, ResourceFilter filter) {
            var sql = new StringBuilder(IN_SNAPSHOT);
            args.add(clusterId);
            args.add(snapshotId);
            args.add(snapshotId);
            if (filter.kind() != null && !filter.kind().isBlank()) {
                sql.append(" and rs.kind = ?");
                args.add(filter.kind());
            }
            if (filter.namespace() != null && !filter.namespace().isBlank()) {
                sql.append(" and rs.namespace = ?");
                args.add(filter.namespace());
            }
            if (filter.name() != null && !filter.name().isBlank()) {
                sql.append(" and lower(rs.name) like ?");
                args.add("%" + filter.name().trim().toLowerCase(Locale.ROOT) + "%");
            }
            this.sql = sql.toString();
        }
    }
}
