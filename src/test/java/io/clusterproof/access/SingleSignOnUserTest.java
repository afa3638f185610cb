package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * Four-eyes rules and team isolation compare ClusterProof usernames: a single sign-on session
 * must act under the account's username, never the provider's subject or its spelling of the name.
 */
class SingleSignOnUserTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_single_sign_on_session_acts_and_is_accountable_under_the_clusterproof_username() {
        var now = Instant.parse("2026-03-02T09:00:00Z");
        var account = UserAccount.singleSignOn(
                        new SingleSignOnIdentity("http://idp", "f81d4fae-7dec", "oscar@example.com", "Oscar"),
                        new RoleGrant(Role.OFFICER, null, "Group \"officers\""),
                        now)
                .summary();
        var idToken = new OidcIdToken(
                "token",
                now,
                now.plusSeconds(60),
                Map.of("sub", "f81d4fae-7dec", "preferred_username", "Oscar@Example.com"));
        var user = new SingleSignOnUser(account, idToken, null);

        SecurityContextHolder.getContext()
                .setAuthentication(new OAuth2AuthenticationToken(user, user.getAuthorities(), "sso"));

        assertThat(AuditLog.currentActorName()).isEqualTo("oscar@example.com");
        assertThat(AuditLog.currentAccountableName()).isEqualTo("oscar@example.com");
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OFFICER");
    }
}
