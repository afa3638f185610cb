package io.clusterproof.drift;

import io.clusterproof.base.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The regressions found, one per assessment, with how their deliveries stand. */
@Component
class RegressionStore {

    private static final String COLUMNS =
            "r.id, r.cluster_id, r.assessment_id, r.previous_assessment_id, r.snapshot_id, "
                    + "r.previous_snapshot_id, r.detected_at, r.score_drops, r.new_failures, r.summary, "
                    + "(select count(*) from drift_delivery d where d.regression_id = r.id and d.status = 'DELIVERED'), "
                    + "(select count(*) from drift_delivery d where d.regression_id = r.id and d.status = 'PENDING'), "
                    + "(select count(*) from drift_delivery d where d.regression_id = r.id "
                    + "and d.status in ('FAILED', 'CANCELLED'))";

    private final JdbcTemplate jdbc;

    RegressionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(long assessmentId) {
        var count = jdbc.queryForObject(
                "select count(*) from drift_regression where assessment_id = ?", Integer.class, assessmentId);
        return count != null && count > 0;
    }

    long insert(Regression regression, String summary, Instant detectedAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement("""
                    insert into drift_regression (cluster_id, assessment_id, previous_assessment_id, snapshot_id,
                        previous_snapshot_id, detected_at, score_drops, new_failures, summary)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, new String[] {"id"});
                    statement.setLong(1, regression.to().clusterId());
                    statement.setLong(2, regression.to().id());
                    statement.setLong(3, regression.from().id());
                    statement.setLong(4, regression.to().snapshotId());
                    statement.setLong(5, regression.from().snapshotId());
                    statement.setObject(6, SqlTime.of(detectedAt));
                    statement.setInt(7, regression.scoreDrops().size());
                    statement.setInt(8, regression.newFailureCount());
                    statement.setString(9, summary.length() <= 2000 ? summary : summary.substring(0, 1999) + "…");
                    return statement;
                },
                keys);
        return Objects.requireNonNull(keys.getKey(), "the insert returns the generated id")
                .longValue();
    }

    List<RegressionSummary> recent(long clusterId, int limit) {
        return jdbc.query(
                "select " + COLUMNS + " from drift_regression r where r.cluster_id = ? "
                        + "order by r.detected_at desc, r.id desc fetch first ? rows only",
                ROW,
                clusterId,
                limit);
    }

    private static final RowMapper<RegressionSummary> ROW = (rs, i) -> new RegressionSummary(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getLong(6),
            SqlTime.require(rs, 7),
            rs.getInt(8),
            rs.getInt(9),
            rs.getString(10),
            rs.getInt(11),
            rs.getInt(12),
            rs.getInt(13));
}
