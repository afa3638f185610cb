package io.clusterproof.access;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Failed sign-ins in a row for one typed username, existing or not. */
@Entity
class SignInAttempt {

    @Id
    private String username;

    private int failures;
    private @Nullable Instant lockedUntil;
    private Instant lastFailureAt;

    protected SignInAttempt() {
        this.username = "";
        this.lastFailureAt = Instant.EPOCH;
    }

    SignInAttempt(String username) {
        this.username = username;
        this.lastFailureAt = Instant.EPOCH;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    void fail(Instant now, int maxFailures, Duration lockout) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            failures = 0;
            lockedUntil = null;
        }
        failures++;
        lastFailureAt = now;
        if (failures >= maxFailures) {
            lockedUntil = now.plus(lockout);
        }
    }

    int failures() {
        return failures;
    }
}
