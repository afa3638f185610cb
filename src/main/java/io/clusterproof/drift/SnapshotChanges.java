package io.clusterproof.drift;

import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.ResourceKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The objects that differ between two snapshots of a cluster, found in the snapshot module's
 * version rows by digest alone: a row valid in one snapshot and not in the other marks a
 * difference, so unchanged objects (the same row in both) are never read, and no body is loaded
 * to tell added, removed and changed apart. Works in either direction.
 */
@Component
class SnapshotChanges {

    private static final int BODY_BATCH = 500;
    private static final int STREAM_FETCH = 1000;

    /** Row {@code rs} belongs to snapshot ? (given twice), as the snapshot writer keeps validity. */
    private static final String IN = "rs.valid_from <= ? and (rs.valid_to is null or rs.valid_to >= ?)";

    /** Row {@code rs} does not belong to snapshot ? (given twice). */
    private static final String OUT = "(rs.valid_from > ? or rs.valid_to < ?)";

    private static final String SIDE = "select %d as side, rs.api_group, rs.kind, rs.namespace, rs.name, rs.digest, "
            + "rs.api_version, case when rs.controlled then 1 else 0 end as controlled from resource_state rs "
            + "where rs.cluster_id = ? and " + IN + " and " + OUT;

    /** One row per object that differs, with its digest on each side (null where absent). */
    private static final String CHANGES = "select d.api_group, d.kind, d.namespace, d.name, "
            + "max(case when d.side = 0 then d.digest end) as from_digest, "
            + "max(case when d.side = 1 then d.digest end) as to_digest, "
            + "coalesce(max(case when d.side = 1 then d.api_version end), "
            + "max(case when d.side = 0 then d.api_version end)) as api_version, "
            + "max(d.controlled) as controlled from (" + SIDE.formatted(0) + " union all " + SIDE.formatted(1)
            + ") d group by d.api_group, d.kind, d.namespace, d.name";

    /** An object changed back to an earlier body between the two snapshots has equal digests: no change. */
    private static final String DIFFERS =
            "(c.from_digest is null or c.to_digest is null or c.from_digest <> c.to_digest)";

    private final JdbcTemplate jdbc;

    SnapshotChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts per namespace and kind, objects owned by a controller apart. */
    List<Count> counts(long clusterId, long from, long to) {
        return jdbc.query(
                "select c.namespace, c.api_group, c.kind, c.controlled, "
                        + "sum(case when c.from_digest is null then 1 else 0 end), "
                        + "sum(case when c.from_digest is not null and c.to_digest is not null then 1 else 0 end), "
                        + "sum(case when c.to_digest is null then 1 else 0 end) from (" + CHANGES + ") c where "
                        + DIFFERS + " group by c.namespace, c.api_group, c.kind, c.controlled "
                        + "order by c.namespace, c.kind, c.api_group",
                (rs, i) -> new Count(
                        new ChangeCount(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getInt(5),
                                rs.getInt(6),
                                rs.getInt(7)),
                        rs.getInt(4) == 1),
                args(clusterId, from, to, List.of()).toArray());
    }

    record Count(ChangeCount count, boolean controlled) {}

    long count(long clusterId, long from, long to, ChangeFilter filter) {
        var where = Where.of(filter);
        var total = jdbc.queryForObject(
                "select count(*) from (" + CHANGES + ") c where " + where.sql,
                Long.class,
                args(clusterId, from, to, where.args).toArray());
        return total == null ? 0 : total;
    }

    /** A page of changes, by namespace, kind and name; without field differences. */
    List<ResourceChange> page(long clusterId, long from, long to, ChangeFilter filter, long offset, int limit) {
        var where = Where.of(filter);
        var args = args(clusterId, from, to, where.args);
        args.add(offset);
        args.add(limit);
        return jdbc.query(
                "select * from (" + CHANGES + ") c where " + where.sql + ORDER
                        + " offset ? rows fetch next ? rows only",
                CHANGE,
                args.toArray());
    }

    /** Every change, in order, one at a time. */
    void forEach(long clusterId, long from, long to, ChangeFilter filter, Consumer<ResourceChange> consumer) {
        var where = Where.of(filter);
        jdbc.query(
                connection -> {
                    var statement =
                            connection.prepareStatement("select * from (" + CHANGES + ") c where " + where.sql + ORDER);
                    statement.setFetchSize(STREAM_FETCH);
                    var args = args(clusterId, from, to, where.args);
                    for (int i = 0; i < args.size(); i++) {
                        statement.setObject(i + 1, args.get(i));
                    }
                    return statement;
                },
                rs -> {
                    consumer.accept(CHANGE.mapRow(rs, 0));
                });
    }

    Optional<ResourceChange> one(long clusterId, long from, long to, ResourceKey key) {
        var args = args(clusterId, from, to, List.of(key.group(), key.kind(), key.namespace(), key.name()));
        return jdbc
                .query(
                        "select * from (" + CHANGES + ") c where " + DIFFERS
                                + " and c.api_group = ? and c.kind = ? and c.namespace = ? and c.name = ?",
                        CHANGE,
                        args.toArray())
                .stream()
                .findFirst();
    }

    /** The stored bodies with these digests, parsed: a fresh, mutable tree each. */
    Map<String, Map<String, Object>> bodies(Collection<String> digests) {
        var bodies = new HashMap<String, Map<String, Object>>();
        var list = digests.stream().distinct().toList();
        for (int from = 0; from < list.size(); from += BODY_BATCH) {
            var batch = list.subList(from, Math.min(list.size(), from + BODY_BATCH));
            jdbc.query(
                    "select digest, body from resource_body where digest in ("
                            + String.join(",", Collections.nCopies(batch.size(), "?")) + ")",
                    rs -> {
                        bodies.put(rs.getString(1), parse(rs.getBytes(2)));
                    },
                    batch.toArray());
        }
        return bodies;
    }

    private static Map<String, Object> parse(byte[] gzip) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return CanonicalJson.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("a stored body is not gzip", e);
        }
    }

    private static final String ORDER = " order by c.namespace, c.kind, c.name, c.api_group";

    private static List<Object> args(long clusterId, long from, long to, List<Object> filterArgs) {
        var args = new ArrayList<Object>(List.of(clusterId, from, from, to, to, clusterId, to, to, from, from));
        args.addAll(filterArgs);
        return args;
    }

    private static final RowMapper<ResourceChange> CHANGE = SnapshotChanges::change;

    private static ResourceChange change(ResultSet rs, int row) throws SQLException {
        var fromDigest = rs.getString("from_digest");
        var toDigest = rs.getString("to_digest");
        var type = fromDigest == null ? ChangeType.ADDED : toDigest == null ? ChangeType.REMOVED : ChangeType.CHANGED;
        return new ResourceChange(
                new ResourceKey(
                        rs.getString("api_group"),
                        rs.getString("kind"),
                        rs.getString("namespace"),
                        rs.getString("name")),
                type,
                rs.getString("api_version"),
                fromDigest,
                toDigest,
                rs.getInt("controlled") == 1,
                List.of());
    }

    /** The filter as SQL over the changes {@code c}. */
    private record Where(String sql, List<Object> args) {

        static Where of(ChangeFilter filter) {
            var sql = new StringBuilder(DIFFERS);
            var args = new ArrayList<Object>();
            if (filter.type() != null) {
                sql.append(
                        switch (filter.type()) {
                            case ADDED -> " and c.from_digest is null";
                            case REMOVED -> " and c.to_digest is null";
                            case CHANGED -> " and c.from_digest is not null and c.to_digest is not null";
                        });
            }
            if (filter.namespace() != null) {
                sql.append(" and c.namespace = ?");
                args.add(filter.namespace());
            }
            if (filter.kind() != null && !filter.kind().isBlank()) {
                sql.append(" and c.kind = ?");
                args.add(filter.kind());
            }
            if (filter.name() != null && !filter.name().isBlank()) {
                sql.append(" and lower(c.name) like ?");
                args.add("%" + filter.name().trim().toLowerCase(Locale.ROOT) + "%");
            }
            if (!filter.includeControlled()) {
                sql.append(" and c.controlled = 0");
            }
            return new Where(sql.toString(), args);
        }
    }
}
