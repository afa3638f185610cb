package io.clusterproof.evidence;

import io.clusterproof.base.SqlPages;
import io.clusterproof.base.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Schedules and their runs, in {@code evidence_schedule} and {@code evidence_run}. */
@Component
class ScheduleStore {

    private static final String COLUMNS = "id, name, cluster_ids, framework_ids, cron, period_days, retention_days, "
            + "recipients, enabled, next_run_at";
    private static final String RUN_COLUMNS = "id, schedule_id, schedule_name, framework_id, run_trigger, status, "
            + "started_at, finished_at, message, pack_id, delivery";

    private final JdbcTemplate jdbc;

    ScheduleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ScheduleDefinition definition, @Nullable Instant nextRunAt, String createdBy, Instant createdAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var s = connection.prepareStatement("""
                            insert into evidence_schedule (name, cluster_ids, framework_ids, cron, period_days,
                                retention_days, recipients, enabled, next_run_at, created_by, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, new String[] {"id"});
                    bind(s, definition, nextRunAt);
                    s.setString(10, createdBy);
                    s.setObject(11, SqlTime.of(createdAt));
                    return s;
                },
                keys);
        return Objects.requireNonNull(keys.getKey(), "the insert returns the generated id")
                .longValue();
    }

    void update(long id, ScheduleDefinition definition, @Nullable Instant nextRunAt) {
        jdbc.update(connection -> {
            var s = connection.prepareStatement("""
                            update evidence_schedule set name = ?, cluster_ids = ?, framework_ids = ?, cron = ?,
                                period_days = ?, retention_days = ?, recipients = ?, enabled = ?, next_run_at = ?
                            where id = ?
                            """);
            bind(s, definition, nextRunAt);
            s.setLong(10, id);
            return s;
        });
    }

    private static void bind(java.sql.PreparedStatement s, ScheduleDefinition d, @Nullable Instant nextRunAt)
            throws SQLException {
        s.setString(1, d.name());
        s.setString(2, join(d.clusterIds()));
        s.setString(3, join(d.frameworkIds()));
        s.setString(4, d.cron());
        s.setInt(5, d.periodDays());
        s.setInt(6, d.retentionDays());
        s.setString(7, join(d.recipients()));
        s.setBoolean(8, d.enabled());
        s.setObject(9, SqlTime.of(nextRunAt));
    }

    void delete(long id) {
        jdbc.update("delete from evidence_schedule where id = ?", id);
    }

    void setNextRun(long id, @Nullable Instant nextRunAt) {
        jdbc.update("update evidence_schedule set next_run_at = ? where id = ?", SqlTime.of(nextRunAt), id);
    }

    Optional<ScheduleSummary> find(long id) {
        return jdbc.query("select " + COLUMNS + " from evidence_schedule where id = ?", SCHEDULE, id).stream()
                .findFirst();
    }

    Optional<ScheduleSummary> findByName(String name) {
        return jdbc.query("select " + COLUMNS + " from evidence_schedule where name = ?", SCHEDULE, name).stream()
                .findFirst();
    }

    List<ScheduleSummary> list() {
        return jdbc.query("select " + COLUMNS + " from evidence_schedule order by name", SCHEDULE);
    }

    List<ScheduleSummary> due(Instant now) {
        return jdbc.query(
                "select " + COLUMNS + " from evidence_schedule where enabled = true and next_run_at <= ? order by id",
                SCHEDULE,
                SqlTime.of(now));
    }

    long startRun(ScheduleSummary schedule, String frameworkId, String trigger, Instant startedAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var s = connection.prepareStatement("""
                            insert into evidence_run (schedule_id, schedule_name, framework_id, run_trigger, status, started_at)
                            values (?, ?, ?, ?, ?, ?)
                            """, new String[] {"id"});
                    s.setLong(1, schedule.id());
                    s.setString(2, schedule.name());
                    s.setString(3, frameworkId);
                    s.setString(4, trigger);
                    s.setString(5, ScheduleRun.Status.RUNNING.name());
                    s.setObject(6, SqlTime.of(startedAt));
                    return s;
                },
                keys);
        return Objects.requireNonNull(keys.getKey(), "the insert returns the generated id")
                .longValue();
    }

    void finishRun(
            long runId,
            ScheduleRun.Status status,
            Instant finishedAt,
            @Nullable String message,
            @Nullable Long packId,
            @Nullable String delivery) {
        jdbc.update(
                "update evidence_run set status = ?, finished_at = ?, message = ?, pack_id = ?, delivery = ? where id = ?",
                status.name(),
                SqlTime.of(finishedAt),
                cut(message, 4000),
                packId,
                cut(delivery, 1000),
                runId);
    }

    Page<ScheduleRun> runs(Pageable pageable) {
        return SqlPages.page(
                jdbc,
                pageable,
                "select count(*) from evidence_run",
                "select " + RUN_COLUMNS + " from evidence_run order by started_at desc, id desc",
                RUN);
    }

    List<ScheduleRun> runsOf(long scheduleId) {
        return jdbc.query(
                "select " + RUN_COLUMNS + " from evidence_run where schedule_id = ? order by id", RUN, scheduleId);
    }

    private static @Nullable String cut(@Nullable String text, int max) {
        // the full text is in the log; the column keeps what fits
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String join(List<?> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private static List<String> split(String value) {
        return value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }

    private static final RowMapper<ScheduleSummary> SCHEDULE = (rs, i) -> new ScheduleSummary(
            rs.getLong(1),
            new ScheduleDefinition(
                    rs.getString(2),
                    split(rs.getString(3)).stream().map(Long::valueOf).toList(),
                    split(rs.getString(4)),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getInt(7),
                    split(rs.getString(8)),
                    rs.getBoolean(9)),
            SqlTime.read(rs, 10));

    private static final RowMapper<ScheduleRun> RUN = ScheduleStore::run;

    private static ScheduleRun run(ResultSet rs, int row) throws SQLException {
        var pack = rs.getLong(10);
        var packId = rs.wasNull() ? null : pack;
        return new ScheduleRun(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                ScheduleRun.Status.valueOf(rs.getString(6)),
                SqlTime.require(rs, 7),
                SqlTime.read(rs, 8),
                rs.getString(9),
                packId,
                rs.getString(11));
    }
}
