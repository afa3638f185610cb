package io.clusterproof.assessment;

import io.clusterproof.base.DatabaseProduct;
import io.clusterproof.base.OneAtATime;
import io.clusterproof.base.VersionRanges;
import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ResourceKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings whose status moved between two assessments of a cluster's main lineage, read from the
 * finding version rows: a finding unchanged between the two is one row valid in both, and is never
 * read.
 */
@Service
@Transactional(readOnly = true)
public class FindingMoves {

    private static final int NAME_BATCH = 500;

    /** The version rows {@code f} of assessment {@code :<in>} that are not in assessment {@code :<out>}. */
    private static String side(int side, String in, String out, boolean inFirst) {
        return "select " + side + " as side, f.id, f.check_id, f.api_group, f.kind, f.namespace, f.name, f.status "
                + "from finding_state f where f.cluster_id = :cluster and f.lineage = 0 and "
                + VersionRanges.validInNotIn("f", in, out, inFirst);
    }

    /**
     * One row per finding that differs, with its status and version row on each side;
     * {@code forward} when :earlier is the lower id. Only what pairs the two sides is grouped: after
     * a rollout that is every finding of every workload, and the database holds each group in
     * memory until the last row is read, so the messages and frameworks are read afterwards, for
     * the findings that moved.
     */
    private static String grouped(boolean forward) {
        return "select d.check_id, d.api_group, d.kind, d.namespace, d.name, "
                + "max(case when d.side = 0 then d.status end) as from_status, "
                + "max(case when d.side = 1 then d.status end) as to_status, "
                + "max(case when d.side = 0 then d.id end) as from_id, "
                + "max(case when d.side = 1 then d.id end) as to_id "
                + "from (" + side(0, "earlier", "later", forward) + " union all "
                + side(1, "later", "earlier", !forward)
                + ") d group by d.check_id, d.api_group, d.kind, d.namespace, d.name";
    }

    private static final String MOVE = "case"
            + " when g.to_status = 'FAIL' and (g.from_status is null or g.from_status <> 'FAIL') then 'NEWLY_FAILING'"
            + " when g.from_status = 'FAIL' and (g.to_status is null or g.to_status in ('PASS', 'NOT_APPLICABLE'))"
            + " then 'FIXED'"
            + " when g.to_status = 'WAIVED' and (g.from_status is null or g.from_status <> 'WAIVED') then 'NEWLY_WAIVED'"
            + " when g.to_status = 'UNKNOWN' and (g.from_status is null or g.from_status <> 'UNKNOWN')"
            + " then 'NEWLY_UNKNOWN'"
            + " when g.to_status = 'ERROR' and (g.from_status is null or g.from_status <> 'ERROR') then 'NEWLY_ERROR'"
            + " end";

    private static final String MOVES_FORWARD = moves(true);
    private static final String MOVES_BACKWARD = moves(false);

    /**
     * The findings that moved, with the severity, message, API version and frameworks of the
     * version row after the move (before it, for a finding that is gone) and the message before.
     */
    private static String moves(boolean forward) {
        return "select m.check_id, m.api_group, m.kind, m.namespace, m.name, m.from_status, m.to_status, m.move, "
                + "coalesce(t.severity, b.severity) as severity, b.message as from_message, t.message as to_message, "
                + "coalesce(t.api_version, b.api_version) as api_version, "
                + "coalesce(t.frameworks, b.frameworks) as frameworks "
                + "from (select * from (select g.*, " + MOVE + " as move from (" + grouped(forward)
                + ") g) y where y.move is not null) m "
                + "left join finding_state t on t.id = m.to_id left join finding_state b on b.id = m.from_id";
    }

    /** The moves between two assessments, read in either direction. */
    private static String moves(long earlier, long later) {
        return earlier <= later ? MOVES_FORWARD : MOVES_BACKWARD;
    }

    private static final String ORDER = " order by case x.move when 'NEWLY_FAILING' then 0 when 'NEWLY_ERROR' then 1 "
            + "when 'NEWLY_UNKNOWN' then 2 when 'NEWLY_WAIVED' then 3 else 4 end, "
            + "case x.severity when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end, "
            + "x.check_id, x.kind, x.namespace, x.name";

    private final JdbcClient jdbc;

    /**
     * H2 holds a grouping in this JVM's heap: after a rollout of a 250,000-object cluster one holds
     * some hundreds of MiB, and two at once (the regression check, and someone opening the drift
     * page) overran a 1 GiB heap. So on H2 they take turns; PostgreSQL spills a grouping to disk.
     */
    private final OneAtATime grouping;

    FindingMoves(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.grouping = OneAtATime.when(DatabaseProduct.isH2(jdbc));
    }

    /** How a finding moved, as far as anyone needs to act on it. */
    public enum Move {
        /** FAIL now, not before (a new resource, a new check, a regression, or a waiver that ended). */
        NEWLY_FAILING,
        /** FAIL before; now passing, not applicable, or its resource is gone. */
        FIXED,
        /** WAIVED now, not before. */
        NEWLY_WAIVED,
        /** UNKNOWN now, not before: the data it needs was not collected. */
        NEWLY_UNKNOWN,
        /** ERROR now, not before: the rule could not be evaluated. */
        NEWLY_ERROR
    }

    /**
     * A finding whose status moved between two assessments.
     *
     * @param from its status before, null when there was no such finding
     * @param to its status now, null when the finding is gone (its resource was removed)
     * @param message the failure message for a fixed finding, else the current one
     */
    public record Moved(
            Move move,
            String checkId,
            Severity severity,
            ResourceKey resource,
            String apiVersion,
            @Nullable FindingStatus from,
            @Nullable FindingStatus to,
            String message) {}

    public Map<Move, Integer> counts(long clusterId, long earlier, long later) {
        return counts(clusterId, earlier, later, null);
    }

    /** How many findings moved each way; with a framework, of the findings that count for it. */
    public Map<Move, Integer> counts(long clusterId, long earlier, long later, @Nullable String frameworkId) {
        var counts = new EnumMap<Move, Integer>(Move.class);
        var params = assessments(clusterId, earlier, later);
        var sql = "select x.move, count(*) as moved from (" + moves(earlier, later) + ") x where "
                + filter(params, null, Set.of(), frameworkId) + " group by x.move";
        return grouping.run(() -> {
            jdbc.sql(sql).params(params).query(rs -> {
                counts.put(Move.valueOf(rs.getString("move")), rs.getInt("moved"));
            });
            return counts;
        });
    }

    /**
     * A page of moves, worst first; a null move, empty severities or a null framework do not
     * filter. With a framework, only the findings that count for it (see {@link #counts}).
     */
    public List<Moved> page(
            long clusterId,
            long earlier,
            long later,
            @Nullable Move move,
            Set<Severity> severities,
            @Nullable String frameworkId,
            long offset,
            int limit) {
        var params = assessments(clusterId, earlier, later);
        params.put("offset", offset);
        params.put("limit", limit);
        var sql = "select * from (" + moves(earlier, later) + ") x where "
                + filter(params, move, severities, frameworkId)
                + ORDER + " offset :offset rows fetch next :limit rows only";
        return grouping.run(() -> jdbc.sql(sql).params(params).query(MOVED).list());
    }

    public long count(long clusterId, long earlier, long later, @Nullable Move move, Set<Severity> severities) {
        var params = assessments(clusterId, earlier, later);
        var sql = "select count(*) from (" + moves(earlier, later) + ") x where "
                + filter(params, move, severities, null);
        return grouping.run(() -> jdbc.sql(sql).params(params).query(Long.class).single());
    }

    /** The moves of some resources, for showing beside each changed object. */
    public Map<ResourceKey, List<Moved>> of(
            long clusterId, long earlier, long later, Collection<ResourceKey> resources) {
        var byResource = new HashMap<ResourceKey, List<Moved>>();
        var wanted = new HashSet<>(resources);
        var names = resources.stream().map(ResourceKey::name).distinct().toList();
        for (int from = 0; from < names.size(); from += NAME_BATCH) {
            var params = assessments(clusterId, earlier, later);
            params.put("names", names.subList(from, Math.min(names.size(), from + NAME_BATCH)));
            var sql = "select * from (" + moves(earlier, later) + ") x where x.name in (:names)" + ORDER;
            grouping.run(() -> {
                jdbc.sql(sql).params(params).query(rs -> {
                    var moved = moved(rs, 0);
                    if (wanted.contains(moved.resource())) {
                        byResource
                                .computeIfAbsent(moved.resource(), k -> new ArrayList<>())
                                .add(moved);
                    }
                });
                return byResource;
            });
        }
        return byResource;
    }

    private static String filter(
            Map<String, Object> params, @Nullable Move move, Set<Severity> severities, @Nullable String frameworkId) {
        var sql = new StringBuilder("1 = 1");
        if (frameworkId != null) {
            sql.append(" and x.frameworks like :framework");
            params.put("framework", "%," + frameworkId + ",%");
        }
        if (move != null) {
            sql.append(" and x.move = :move");
            params.put("move", move.name());
        }
        if (!severities.isEmpty()) {
            sql.append(" and x.severity in (:severities)");
            params.put(
                    "severities", severities.stream().map(Enum::name).sorted().toList());
        }
        return sql.toString();
    }

    private static Map<String, Object> assessments(long clusterId, long earlier, long later) {
        var params = new HashMap<String, Object>();
        params.put("cluster", clusterId);
        params.put("earlier", earlier);
        params.put("later", later);
        return params;
    }

    private static final RowMapper<Moved> MOVED = FindingMoves::moved;

    private static Moved moved(ResultSet rs, int row) throws SQLException {
        var move = Move.valueOf(rs.getString("move"));
        var fromMessage = rs.getString("from_message");
        var toMessage = rs.getString("to_message");
        return new Moved(
                move,
                rs.getString("check_id"),
                Severity.valueOf(rs.getString("severity")),
                new ResourceKey(
                        rs.getString("api_group"),
                        rs.getString("kind"),
                        rs.getString("namespace"),
                        rs.getString("name")),
                rs.getString("api_version"),
                status(rs.getString("from_status")),
                status(rs.getString("to_status")),
                move == Move.FIXED && fromMessage != null
                        ? fromMessage
                        : toMessage != null ? toMessage : fromMessage == null ? "" : fromMessage);
    }

    private static @Nullable FindingStatus status(@Nullable String value) {
        return value == null ? null : FindingStatus.valueOf(value);
    }
}
