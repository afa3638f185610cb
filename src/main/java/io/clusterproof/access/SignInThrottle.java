package io.clusterproof.access;

import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a typed username for a while after repeated failures. It keys on what was typed, so an
 * unknown username is throttled exactly like a real one and the behaviour reveals nothing. The
 * state is in the database, so every replica sees the same lock.
 */
@Component
class SignInThrottle {

    private final SignInAttemptRepository attempts;
    private final AccessProperties properties;
    private final Clock clock;

    SignInThrottle(SignInAttemptRepository attempts, AccessProperties properties, Clock clock) {
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean isLocked(String username) {
        return attempts.findById(key(username))
                .map(a -> a.lockedAt(clock.instant()))
                .orElse(false);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String username) {
        var attempt = attempts.findById(key(username)).orElseGet(() -> new SignInAttempt(key(username)));
        attempt.fail(clock.instant(), properties.maxFailedSignIns(), properties.lockout());
        attempts.save(attempt);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String username) {
        attempts.deleteById(key(username));
    }

    private static String key(String username) {
        var key = username.trim().toLowerCase(Locale.ROOT);
        return key.length() > 64 ? key.substring(0, 64) : key;
    }
}
