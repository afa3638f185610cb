package io.clusterproof.drift;

import io.clusterproof.base.SqlTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The stored queue of webhook deliveries. A worker takes a due delivery by pushing its next attempt
 * ahead by a lease in one conditional update, so two workers (threads or replicas) never send it
 * at once, and a worker that dies mid-attempt only delays it by the lease. Each statement commits
 * on its own: nothing here holds a transaction open across an HTTP call.
 */
@Component
class DeliveryQueue {

    static final String REGRESSION = "regression";
    static final String TEST = "test";

    /** A delivery as a worker needs it. */
    record Delivery(long id, long webhookId, String event, String body, int attempts) {}

    private static final String SUMMARY_COLUMNS = "d.id, d.webhook_id, w.name, d.regression_id, d.event, d.status, "
            + "d.attempts, d.created_at, d.last_attempt_at, d.next_attempt_at, d.last_status_code, d.last_error, "
            + "d.delivered_at";

    private final JdbcTemplate jdbc;

    DeliveryQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long enqueue(long webhookId, @Nullable Long regressionId, String event, String body, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement("""
                    insert into drift_delivery (webhook_id, regression_id, event, body, status, attempts, created_at,
                        next_attempt_at)
                    values (?, ?, ?, ?, 'PENDING', 0, ?, ?)
                    """, new String[] {"id"});
                    statement.setLong(1, webhookId);
                    statement.setObject(2, regressionId);
                    statement.setString(3, event);
                    statement.setString(4, body);
                    statement.setObject(5, SqlTime.of(now));
                    statement.setObject(6, SqlTime.of(now));
                    return statement;
                },
                keys);
        return Objects.requireNonNull(keys.getKey(), "the insert returns the generated id")
                .longValue();
    }

    /** Deliveries whose next attempt is due, oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.queryForList(
                "select id from drift_delivery where status = 'PENDING' and next_attempt_at <= ? "
                        + "order by next_attempt_at, id fetch first ? rows only",
                Long.class,
                SqlTime.of(now),
                limit);
    }

    /** Takes a due delivery for one attempt; false when another worker took it first. */
    boolean claim(long id, Instant now, Instant leaseUntil) {
        return jdbc.update(
                        "update drift_delivery set next_attempt_at = ? "
                                + "where id = ? and status = 'PENDING' and next_attempt_at <= ?",
                        SqlTime.of(leaseUntil),
                        id,
                        SqlTime.of(now))
                == 1;
    }

    Optional<Delivery> load(long id) {
        return jdbc
                .query(
                        "select id, webhook_id, event, body, attempts from drift_delivery where id = ?",
                        (rs, i) -> new Delivery(
                                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                        id)
                .stream()
                .findFirst();
    }

    void delivered(long id, Instant now, int statusCode) {
        jdbc.update(
                "update drift_delivery set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?, "
                        + "last_outcome = 'DELIVERED', last_status_code = ?, last_error = null, delivered_at = ?, "
                        + "next_attempt_at = null where id = ?",
                SqlTime.of(now),
                statusCode,
                SqlTime.of(now),
                id);
    }

    /** Records a failed attempt: another is due at {@code retryAt}, or none when null (failed for good). */
    void failed(long id, Instant now, @Nullable Integer statusCode, String error, @Nullable Instant retryAt) {
        jdbc.update(
                "update drift_delivery set status = ?, attempts = attempts + 1, last_attempt_at = ?, "
                        + "last_outcome = 'FAILED', last_status_code = ?, last_error = ?, next_attempt_at = ? "
                        + "where id = ?",
                retryAt == null ? DeliveryStatus.FAILED.name() : DeliveryStatus.PENDING.name(),
                SqlTime.of(now),
                statusCode,
                truncate(error),
                SqlTime.of(retryAt),
                id);
    }

    void cancel(long id, String reason) {
        jdbc.update(
                "update drift_delivery set status = 'CANCELLED', last_error = ?, next_attempt_at = null where id = ?",
                truncate(reason),
                id);
    }

    /** Makes a delivery due now, whatever its state but delivered; false when there is nothing to retry. */
    boolean retryNow(long id, Instant now) {
        return jdbc.update(
                        "update drift_delivery set status = 'PENDING', next_attempt_at = ? "
                                + "where id = ? and status <> 'DELIVERED'",
                        SqlTime.of(now),
                        id)
                == 1;
    }

    /** Cancels what a webhook still has to send, when it is disabled. */
    void cancelPending(long webhookId, String reason) {
        jdbc.update(
                "update drift_delivery set status = 'CANCELLED', last_error = ?, next_attempt_at = null "
                        + "where webhook_id = ? and status = 'PENDING'",
                truncate(reason),
                webhookId);
    }

    /** How a webhook's most recent attempt went. */
    WebhookHealth health(long webhookId) {
        return jdbc
                .query(
                        "select last_outcome, last_attempt_at, last_error from drift_delivery "
                                + "where webhook_id = ? and last_attempt_at is not null "
                                + "order by last_attempt_at desc, id desc fetch first 1 rows only",
                        (rs, i) -> {
                            var failing = "FAILED".equals(rs.getString(1));
                            return new WebhookHealth(failing, SqlTime.read(rs, 2), failing ? rs.getString(3) : null);
                        },
                        webhookId)
                .stream()
                .findFirst()
                .orElse(WebhookHealth.UNUSED);
    }

    long count(DeliveryFilter filter) {
        var where = where(filter);
        var count = jdbc.queryForObject(
                "select count(*) from drift_delivery d where " + where.sql, Long.class, where.args.toArray());
        return count == null ? 0 : count;
    }

    /** A page of the delivery log, newest first. */
    List<DeliverySummary> page(DeliveryFilter filter, long offset, int limit) {
        var where = where(filter);
        var args = new ArrayList<>(where.args);
        args.add(offset);
        args.add(limit);
        return jdbc.query(
                "select " + SUMMARY_COLUMNS + " from drift_delivery d join drift_webhook w on w.id = d.webhook_id "
                        + "where " + where.sql + " order by d.id desc offset ? rows fetch next ? rows only",
                SUMMARY,
                args.toArray());
    }

    Optional<DeliverySummary> get(long id) {
        return jdbc
                .query(
                        "select " + SUMMARY_COLUMNS
                                + " from drift_delivery d join drift_webhook w on w.id = d.webhook_id where d.id = ?",
                        SUMMARY,
                        id)
                .stream()
                .findFirst();
    }

    private record Where(String sql, List<Object> args) {}

    private static Where where(DeliveryFilter filter) {
        var sql = new StringBuilder("1 = 1");
        var args = new ArrayList<Object>();
        if (filter.webhookId() != null) {
            sql.append(" and d.webhook_id = ?");
            args.add(filter.webhookId());
        }
        if (filter.regressionId() != null) {
            sql.append(" and d.regression_id = ?");
            args.add(filter.regressionId());
        }
        if (filter.failuresOnly()) {
            sql.append(" and (d.status in ('FAILED', 'CANCELLED') or d.last_outcome = 'FAILED')");
        }
        return new Where(sql.toString(), args);
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private static final RowMapper<DeliverySummary> SUMMARY = (rs, i) -> new DeliverySummary(
            rs.getLong(1),
            rs.getLong(2),
            rs.getString(3),
            rs.getObject(4) == null ? null : rs.getLong(4),
            rs.getString(5),
            DeliveryStatus.valueOf(rs.getString(6)),
            rs.getInt(7),
            SqlTime.require(rs, 8),
            SqlTime.read(rs, 9),
            SqlTime.read(rs, 10),
            rs.getObject(11) == null ? null : rs.getInt(11),
            rs.getString(12),
            SqlTime.read(rs, 13));
}
