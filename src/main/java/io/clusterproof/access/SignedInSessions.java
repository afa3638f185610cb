package io.clusterproof.access;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The browser sessions of each signed-in user, so that disabling an account or changing its role
 * or password ends them: the next request of such a session, a Vaadin heartbeat included, is sent
 * to the sign-in page instead of being served with the old rights.
 */
@Component
class SignedInSessions {

    private final SessionRegistry registry;

    SignedInSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** @return how many sessions were ended */
    int endAll(String username) {
        var ended = 0;
        for (var principal : registry.getAllPrincipals()) {
            var name = principal instanceof UserDetails user ? user.getUsername() : String.valueOf(principal);
            if (name.equals(username)) {
                for (var session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }
}
