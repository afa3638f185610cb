package io.clusterproof.snapshot;

import io.clusterproof.base.VersionRanges;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The objects that differ between two snapshots of a cluster, found in the version rows by digest
 * alone: a row valid in one snapshot and not in the other marks a difference, so unchanged objects
 * (the same row in both) are never read, and no body is loaded to tell added, removed and changed
 * apart. Works in either direction.
 */
@Service
@Transactional(readOnly = true)
public class SnapshotDifferences {

    private static final int BODY_BATCH = 500;
    private static final int STREAM_FETCH = 1000;

    /** The version rows {@code rs} of snapshot {@code :<in>} that are not in snapshot {@code :<out>}. */
    private static String side(int side, String in, String out, boolean inFirst) {
        return "select " + side + " as side, rs.api_group, rs.kind, rs.namespace, rs.name, rs.digest, "
                + "rs.api_version, case when rs.controlled then 1 else 0 end as controlled from resource_state rs "
                + "where rs.cluster_id = :cluster and " + VersionRanges.validInNotIn("rs", in, out, inFirst);
    }

    /** One row per object that differs, with its digest on each side (null where absent); {@code forward} when :earlier is the lower id. */
    private static String changes(boolean forward) {
        return "select d.api_group, d.kind, d.namespace, d.name, "
                + "max(case when d.side = 0 then d.digest end) as from_digest, "
                + "max(case when d.side = 1 then d.digest end) as to_digest, "
                + "coalesce(max(case when d.side = 1 then d.api_version end), "
                + "max(case when d.side = 0 then d.api_version end)) as api_version, "
                + "max(d.controlled) as controlled from (" + side(0, "earlier", "later", forward) + " union all "
                + side(1, "later", "earlier", !forward) + ") d group by d.api_group, d.kind, d.namespace, d.name";
    }

    private static final String CHANGES_FORWARD = changes(true);
    private static final String CHANGES_BACKWARD = changes(false);

    /** The changes between two snapshots, read in either direction. */
    private static String changes(long earlier, long later) {
        return earlier <= later ? CHANGES_FORWARD : CHANGES_BACKWARD;
    }

    /** An object changed back to an earlier body between the two snapshots has equal digests: no change. */
    private static final String DIFFERS =
            "(c.from_digest is null or c.to_digest is null or c.from_digest <> c.to_digest)";

    private static final String ORDER = " order by c.namespace, c.kind, c.name, c.api_group";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    SnapshotDifferences(JdbcTemplate jdbc) {
        this.template = jdbc;
        this.jdbc = JdbcClient.create(jdbc);
        var template = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        template.setFetchSize(STREAM_FETCH);
        this.streaming = JdbcClient.create(template);
    }

    /**
     * An object that differs between two snapshots.
     *
     * @param fromDigest its body in the earlier snapshot, null when added
     * @param toDigest its body in the later snapshot, null when removed
     * @param controlled whether a workload controller owns it (a Pod of a ReplicaSet and such)
     */
    public record Difference(
            ResourceKey key,
            String apiVersion,
            @Nullable String fromDigest,
            @Nullable String toDigest,
            boolean controlled) {}

    /** How many objects of one kind in one namespace differ; {@code namespace} is empty for cluster-scoped ones. */
    public record Count(
            String namespace, String group, String kind, boolean controlled, int added, int changed, int removed) {}

    /** Where a differing object is: in the later snapshot only, the earlier only, or in both with another body. */
    public enum Presence {
        LATER_ONLY,
        EARLIER_ONLY,
        BOTH
    }

    /**
     * Narrows the differences; null fields do not filter.
     *
     * @param namespace only this namespace; empty for cluster-scoped objects only
     * @param name a substring of the object's name, in any case
     * @param includeControlled whether objects owned by a workload controller are listed
     */
    public record Filter(
            @Nullable Presence presence,
            @Nullable String namespace,
            @Nullable String kind,
            @Nullable String name,
            boolean includeControlled) {}

    /** Counts per namespace and kind, objects owned by a controller apart. */
    public List<Count> counts(long clusterId, long earlier, long later) {
        return jdbc.sql("select c.namespace, c.api_group, c.kind, c.controlled, "
                        + "sum(case when c.from_digest is null then 1 else 0 end) as added, "
                        + "sum(case when c.from_digest is not null and c.to_digest is not null then 1 else 0 end) "
                        + "as changed, sum(case when c.to_digest is null then 1 else 0 end) as removed from ("
                        + changes(earlier, later) + ") c where " + DIFFERS
                        + " group by c.namespace, c.api_group, c.kind, c.controlled "
                        + "order by c.namespace, c.kind, c.api_group")
                .params(snapshots(clusterId, earlier, later))
                .query((rs, i) -> new Count(
                        rs.getString("namespace"),
                        rs.getString("api_group"),
                        rs.getString("kind"),
                        rs.getInt("controlled") == 1,
                        rs.getInt("added"),
                        rs.getInt("changed"),
                        rs.getInt("removed")))
                .list();
    }

    public long count(long clusterId, long earlier, long later, Filter filter) {
        var where = Where.of(filter, snapshots(clusterId, earlier, later));
        return jdbc.sql("select count(*) from (" + changes(earlier, later) + ") c where " + where.sql)
                .params(where.params)
                .query(Long.class)
                .single();
    }

    /** A page of differences, by namespace, kind and name. */
    public List<Difference> page(long clusterId, long earlier, long later, Filter filter, long offset, int limit) {
        var where = Where.of(filter, snapshots(clusterId, earlier, later));
        where.params.put("offset", offset);
        where.params.put("limit", limit);
        return jdbc.sql("select * from (" + changes(earlier, later) + ") c where " + where.sql + ORDER
                        + " offset :offset rows fetch next :limit rows only")
                .params(where.params)
                .query(DIFFERENCE)
                .list();
    }

    /** Every difference, in order, one at a time. */
    public void forEach(long clusterId, long earlier, long later, Filter filter, Consumer<Difference> consumer) {
        var where = Where.of(filter, snapshots(clusterId, earlier, later));
        streaming
                .sql("select * from (" + changes(earlier, later) + ") c where " + where.sql + ORDER)
                .params(where.params)
                .query(rs -> {
                    consumer.accept(DIFFERENCE.mapRow(rs, 0));
                });
    }

    /** How one object differs; empty when it does not. */
    public Optional<Difference> one(long clusterId, long earlier, long later, ResourceKey key) {
        var params = snapshots(clusterId, earlier, later);
        params.put("group", key.group());
        params.put("kind", key.kind());
        params.put("namespace", key.namespace());
        params.put("name", key.name());
        return jdbc.sql(
                        "select * from (" + changes(earlier, later) + ") c where " + DIFFERS
                                + " and c.api_group = :group and c.kind = :kind and c.namespace = :namespace and c.name = :name")
                .params(params)
                .query(DIFFERENCE)
                .optional();
    }

    /** The stored bodies with these digests, parsed: a fresh, mutable tree each. */
    public Map<String, Map<String, Object>> bodies(Collection<String> digests) {
        var bodies = new HashMap<String, Map<String, Object>>();
        var list = digests.stream().distinct().toList();
        var stored = new StoredBodies(template);
        for (int from = 0; from < list.size(); from += BODY_BATCH) {
            var batch = list.subList(from, Math.min(list.size(), from + BODY_BATCH));
            jdbc.sql(
                            "select rb.digest, " + StoredBodies.COLUMNS
                                    + " from resource_body rb where rb.digest in (:digests) order by rb.segment_id, rb.segment_offset")
                    .param("digests", batch)
                    .query(rs -> {
                        bodies.put(rs.getString(1), stored.parse(rs, 2));
                    });
        }
        return bodies;
    }

    private static Map<String, Object> snapshots(long clusterId, long earlier, long later) {
        var params = new HashMap<String, Object>();
        params.put("cluster", clusterId);
        params.put("earlier", earlier);
        params.put("later", later);
        return params;
    }

    private static final RowMapper<Difference> DIFFERENCE = SnapshotDifferences::difference;

    private static Difference difference(ResultSet rs, int row) throws SQLException {
        return new Difference(
                new ResourceKey(
                        rs.getString("api_group"),
                        rs.getString("kind"),
                        rs.getString("namespace"),
                        rs.getString("name")),
                rs.getString("api_version"),
                rs.getString("from_digest"),
                rs.getString("to_digest"),
                rs.getInt("controlled") == 1);
    }

    /** The filter as SQL over the differences {@code c}, with its parameters added to the given ones. */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(Filter filter, Map<String, Object> params) {
            var sql = new StringBuilder(DIFFERS);
            if (filter.presence() != null) {
                sql.append(
                        switch (filter.presence()) {
                            case LATER_ONLY -> " and c.from_digest is null";
                            case EARLIER_ONLY -> " and c.to_digest is null";
                            case BOTH -> " and c.from_digest is not null and c.to_digest is not null";
                        });
            }
            if (filter.namespace() != null) {
                sql.append(" and c.namespace = :filterNamespace");
                params.put("filterNamespace", filter.namespace());
            }
            if (filter.kind() != null && !filter.kind().isBlank()) {
                sql.append(" and c.kind = :filterKind");
                params.put("filterKind", filter.kind());
            }
            if (filter.name() != null && !filter.name().isBlank()) {
                sql.append(" and lower(c.name) like :filterName");
                params.put("filterName", "%" + filter.name().trim().toLowerCase(Locale.ROOT) + "%");
            }
            if (!filter.includeControlled()) {
                sql.append(" and c.controlled = 0");
            }
            return new Where(sql.toString(), params);
        }
    }
}
