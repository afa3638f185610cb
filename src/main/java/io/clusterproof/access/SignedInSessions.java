package io.clusterproof.access;

import io.clusterproof.base.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The browser sessions of each signed-in user, so that disabling an account or changing its role
 * or password ends them: the next request of such a session, a Vaadin heartbeat included, is sent
 * to the sign-in page instead of being served with the old rights. Each replica holds its own
 * sessions, so the end is also recorded in the database, and every replica looks there every few
 * seconds for sessions it must end.
 */
@Component
class SignedInSessions {

    /** How far back each look reaches: well past the interval, so no record committed late is missed. */
    private static final Duration LOOK_BACK = Duration.ofMinutes(2);

    private final SignInRegistry registry;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SignedInSessions(SignInRegistry registry, JdbcTemplate jdbc, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Ends the user's sessions on this replica now, and on the others at their next look; in the
     * caller's transaction, so a change that is not stored ends nothing elsewhere.
     *
     * @return how many sessions were ended on this replica
     */
    int endAll(String username) {
        var now = clock.instant();
        jdbc.update("insert into session_revocation (username, ended_at) values (?, ?)", username, SqlTime.of(now));
        return end(username, now);
    }

    @Scheduled(
            fixedDelayString = "${clusterproof.access.session-sync-interval:5s}",
            initialDelayString = "${clusterproof.access.session-sync-interval:5s}")
    void endSessionsEndedElsewhere() {
        var now = clock.instant();
        jdbc.query(
                "select username, ended_at from session_revocation where ended_at > ?",
                rs -> {
                    end(rs.getString(1), SqlTime.require(rs, 2));
                },
                SqlTime.of(now.minus(LOOK_BACK)));
        jdbc.update("delete from session_revocation where ended_at < ?", SqlTime.of(now.minus(Duration.ofDays(1))));
    }

    /** Ends the user's sessions on this replica that signed in before {@code before}. */
    private int end(String username, Instant before) {
        var ended = 0;
        for (var principal : registry.getAllPrincipals()) {
            var name = principal instanceof UserDetails user ? user.getUsername() : String.valueOf(principal);
            if (name.equals(username)) {
                for (var session : registry.getAllSessions(principal, false)) {
                    if (!registry.signedInAt(session.getSessionId()).isAfter(before)) {
                        session.expireNow();
                        ended++;
                    }
                }
            }
        }
        return ended;
    }
}
