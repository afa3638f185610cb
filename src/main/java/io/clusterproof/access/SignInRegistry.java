package io.clusterproof.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.session.SessionRegistryImpl;

/**
 * Spring Security's registry of this replica's browser sessions, which also remembers when each
 * one signed in: sessions ended on another replica are ended here only if they are older.
 */
class SignInRegistry extends SessionRegistryImpl {

    private final Map<String, Instant> signedInAt = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInRegistry(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        signedInAt.put(sessionId, clock.instant());
        super.registerNewSession(sessionId, principal);
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        super.removeSessionInformation(sessionId);
        signedInAt.remove(sessionId);
    }

    Instant signedInAt(String sessionId) {
        return signedInAt.getOrDefault(sessionId, Instant.EPOCH);
    }
}
