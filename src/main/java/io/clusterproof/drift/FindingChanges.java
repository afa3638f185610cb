package io.clusterproof.drift;

import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ResourceKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Findings whose status moved between two assessments of a cluster's main lineage, read from the
 * assessment module's version rows the way {@link SnapshotChanges} reads objects: a finding
 * unchanged between the two is one row valid in both, and is never read.
 */
@Component
class FindingChanges {

    private static final String IN = "f.valid_from <= ? and (f.valid_to is null or f.valid_to >= ?)";
    private static final String OUT = "(f.valid_from > ? or f.valid_to < ?)";

    private static final String SIDE = "select %d as side, f.check_id, f.api_group, f.kind, f.namespace, f.name, "
            + "f.api_version, f.status, f.severity, f.message from finding_state f "
            + "where f.cluster_id = ? and f.lineage = 0 and " + IN + " and " + OUT;

    private static final String GROUPED = "select d.check_id, d.api_group, d.kind, d.namespace, d.name, "
            + "max(case when d.side = 0 then d.status end) as from_status, "
            + "max(case when d.side = 1 then d.status end) as to_status, "
            + "coalesce(max(case when d.side = 1 then d.severity end), max(case when d.side = 0 then d.severity end)) "
            + "as severity, "
            + "max(case when d.side = 0 then d.message end) as from_message, "
            + "max(case when d.side = 1 then d.message end) as to_message, "
            + "coalesce(max(case when d.side = 1 then d.api_version end), "
            + "max(case when d.side = 0 then d.api_version end)) as api_version "
            + "from (" + SIDE.formatted(0) + " union all " + SIDE.formatted(1) + ") d "
            + "group by d.check_id, d.api_group, d.kind, d.namespace, d.name";

    private static final String CATEGORY = "case"
            + " when g.to_status = 'FAIL' and (g.from_status is null or g.from_status <> 'FAIL') then 'NEWLY_FAILING'"
            + " when g.from_status = 'FAIL' and (g.to_status is null or g.to_status in ('PASS', 'NOT_APPLICABLE'))"
            + " then 'FIXED'"
            + " when g.to_status = 'WAIVED' and (g.from_status is null or g.from_status <> 'WAIVED') then 'NEWLY_WAIVED'"
            + " when g.to_status = 'UNKNOWN' and (g.from_status is null or g.from_status <> 'UNKNOWN')"
            + " then 'NEWLY_UNKNOWN'"
            + " when g.to_status = 'ERROR' and (g.from_status is null or g.from_status <> 'ERROR') then 'NEWLY_ERROR'"
            + " end";

    private static final String CHANGES = "select * from (select g.*, " + CATEGORY + " as category from (" + GROUPED
            + ") g) x where x.category is not null";

    private static final String ORDER =
            " order by case x.category when 'NEWLY_FAILING' then 0 when 'NEWLY_ERROR' then 1 "
                    + "when 'NEWLY_UNKNOWN' then 2 when 'NEWLY_WAIVED' then 3 else 4 end, "
                    + "case x.severity when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end, "
                    + "x.check_id, x.kind, x.namespace, x.name";

    private final JdbcTemplate jdbc;

    FindingChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<FindingChangeCategory, Integer> counts(long clusterId, long fromAssessment, long toAssessment) {
        var counts = new EnumMap<FindingChangeCategory, Integer>(FindingChangeCategory.class);
        jdbc.query(
                "select x.category, count(*) from (" + CHANGES + ") x group by x.category",
                rs -> {
                    counts.put(FindingChangeCategory.valueOf(rs.getString(1)), rs.getInt(2));
                },
                args(clusterId, fromAssessment, toAssessment).toArray());
        return counts;
    }

    /** A page of changes, worst first; a null category or empty severities do not filter. */
    List<FindingChange> page(
            long clusterId,
            long fromAssessment,
            long toAssessment,
            @Nullable FindingChangeCategory category,
            Set<Severity> severities,
            long offset,
            int limit) {
        var args = args(clusterId, fromAssessment, toAssessment);
        var sql = new StringBuilder("select * from (" + CHANGES + ") x where 1 = 1");
        filter(sql, args, category, severities);
        sql.append(ORDER).append(" offset ? rows fetch next ? rows only");
        args.add(offset);
        args.add(limit);
        return jdbc.query(sql.toString(), CHANGE, args.toArray());
    }

    long count(
            long clusterId,
            long fromAssessment,
            long toAssessment,
            @Nullable FindingChangeCategory category,
            Set<Severity> severities) {
        var args = args(clusterId, fromAssessment, toAssessment);
        var sql = new StringBuilder("select count(*) from (" + CHANGES + ") x where 1 = 1");
        filter(sql, args, category, severities);
        var count = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** The changes of some resources, for showing beside each changed object. */
    Map<ResourceKey, List<FindingChange>> of(
            long clusterId, long fromAssessment, long toAssessment, Collection<ResourceKey> resources) {
        var byResource = new HashMap<ResourceKey, List<FindingChange>>();
        if (resources.isEmpty()) {
            return byResource;
        }
        var wanted = new HashSet<>(resources);
        var names = resources.stream().map(ResourceKey::name).distinct().toList();
        for (int from = 0; from < names.size(); from += 500) {
            var batch = names.subList(from, Math.min(names.size(), from + 500));
            var args = args(clusterId, fromAssessment, toAssessment);
            args.addAll(batch);
            jdbc.query(
                    "select * from (" + CHANGES + ") x where x.name in ("
                            + String.join(",", Collections.nCopies(batch.size(), "?")) + ")" + ORDER,
                    rs -> {
                        var change = CHANGE.mapRow(rs, 0);
                        if (wanted.contains(change.resource())) {
                            byResource
                                    .computeIfAbsent(change.resource(), k -> new ArrayList<>())
                                    .add(change);
                        }
                    },
                    args.toArray());
        }
        return byResource;
    }

    private static void filter(
            StringBuilder sql, List<Object> args, @Nullable FindingChangeCategory category, Set<Severity> severities) {
        if (category != null) {
            sql.append(" and x.category = ?");
            args.add(category.name());
        }
        if (!severities.isEmpty()) {
            sql.append(" and x.severity in (")
                    .append(String.join(",", Collections.nCopies(severities.size(), "?")))
                    .append(")");
            severities.stream().map(Enum::name).sorted().forEach(args::add);
        }
    }

    private static List<Object> args(long clusterId, long from, long to) {
        return new ArrayList<>(List.of(clusterId, from, from, to, to, clusterId, to, to, from, from));
    }

    private static final RowMapper<FindingChange> CHANGE = FindingChanges::change;

    private static FindingChange change(ResultSet rs, int row) throws SQLException {
        var category = FindingChangeCategory.valueOf(rs.getString("category"));
        var fromMessage = rs.getString("from_message");
        var toMessage = rs.getString("to_message");
        return new FindingChange(
                category,
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
                category == FindingChangeCategory.FIXED && fromMessage != null
                        ? fromMessage
                        : toMessage != null ? toMessage : fromMessage == null ? "" : fromMessage);
    }

    private static @Nullable FindingStatus status(@Nullable String value) {
        return value == null ? null : FindingStatus.valueOf(value);
    }
}
