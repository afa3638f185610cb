package io.clusterproof.access;

import io.clusterproof.base.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Locks a typed username for a while after repeated failures. It keys on what was typed, so an
 * unknown username is throttled exactly like a real one and the behaviour reveals nothing. The
 * state is one database row per username, so every replica sees the same lock.
 *
 * <p>An attempt is counted <em>before</em> its password is checked, by one conditional UPDATE that
 * the database applies atomically: of any number of parallel attempts, only as many as the limit
 * allows ever reach the password check, and none is lost. Each statement commits on its own,
 * outside the caller's transaction, so a lock survives whatever the sign-in does next.
 */
@Component
class SignInThrottle {

    private final JdbcTemplate jdbc;
    private final AccessProperties properties;
    private final Clock clock;

    SignInThrottle(JdbcTemplate jdbc, AccessProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts an attempt for the username.
     *
     * @return false when the username is locked: the attempt must be refused without checking it
     */
    boolean tryAttempt(String username) {
        var key = key(username);
        var now = clock.instant();
        ensureRow(key, now);
        // counted only below the limit; an expired lock starts a new count
        var counted = jdbc.update("""
                update sign_in_attempt set
                    failures = case when locked_until is not null then 1 else failures + 1 end,
                    locked_until = null,
                    last_failure_at = ?
                where username = ? and ((locked_until is null and failures < ?) or locked_until <= ?)""", SqlTime.of(now), key, properties.maxFailedSignIns(), SqlTime.of(now));
        if (counted == 1) {
            return true;
        }
        // the limit is reached: the first attempt past it sets the lock, the lock refuses the rest
        jdbc.update(
                "update sign_in_attempt set locked_until = ? where username = ? and locked_until is null",
                SqlTime.of(now.plus(properties.lockout())),
                key);
        return false;
    }

    /**
     * A correct password: the count starts again, unless parallel attempts have locked the username
     * meanwhile; the lock then runs its course.
     */
    void recordSuccess(String username) {
        jdbc.update("delete from sign_in_attempt where username = ? and locked_until is null", key(username));
    }

    boolean isLocked(String username) {
        var locked = jdbc.queryForObject(
                "select count(*) from sign_in_attempt where username = ? and locked_until > ?",
                Integer.class,
                key(username),
                SqlTime.of(clock.instant()));
        return locked != null && locked > 0;
    }

    private void ensureRow(String key, Instant now) {
        try {
            jdbc.update(
                    "insert into sign_in_attempt (username, failures, locked_until, last_failure_at)"
                            + " select ?, 0, null, ? where not exists"
                            + " (select 1 from sign_in_attempt where username = ?)",
                    key,
                    SqlTime.of(now),
                    key);
        } catch (DataIntegrityViolationException parallelInsert) {
            // another attempt created the row between the check and the insert: it is there now
        }
    }

    private static String key(String username) {
        var key = username.trim().toLowerCase(Locale.ROOT);
        return key.length() > 64 ? key.substring(0, 64) : key;
    }
}
