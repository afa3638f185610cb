package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCreatorRuleTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-03-02T09:00:00Z");

    private final UserAccountRepository users = mock(UserAccountRepository.class);
    private final TokenCreatorRule rule =
            new TokenCreatorRule(users, SingleSignOnSettings.with("groups", null, List.of()));

    @Test
    void a_token_works_while_its_creators_groups_were_confirmed_within_the_interval() {
        givenAccount(UserAccount.singleSignOn(identity(), adminGrant(), SIGNED_IN));

        assertThat(rule.rejection("ci", "sso-admin", SIGNED_IN.plus(Duration.ofDays(6))))
                .isEmpty();
        assertThat(rule.rejection("ci", "sso-admin", SIGNED_IN.plus(Duration.ofDays(8))))
                .hasValueSatisfying(why -> assertThat(why).contains("has not signed in since"));
    }

    @Test
    void a_token_stops_when_its_creator_is_no_longer_an_administrator_at_the_provider() {
        var demoted = UserAccount.singleSignOn(identity(), adminGrant(), SIGNED_IN);
        demoted.applyGrant(new RoleGrant(Role.AUDITOR, null, "Group \"auditors\""), "SSO Admin", SIGNED_IN);
        givenAccount(demoted);

        assertThat(rule.rejection("ci", "sso-admin", SIGNED_IN))
                .hasValueSatisfying(why -> assertThat(why).contains("no longer an administrator"));
    }

    @Test
    void a_token_stops_when_the_creators_groups_no_longer_grant_any_role() {
        var lost = UserAccount.singleSignOn(identity(), adminGrant(), SIGNED_IN);
        lost.loseGrant("No mapped group");
        givenAccount(lost);

        assertThat(rule.rejection("ci", "sso-admin", SIGNED_IN)).isPresent();
    }

    @Test
    void tokens_of_local_administrators_are_not_affected() {
        var local = new UserAccount("local-admin", "Local", "{bcrypt}x", Role.ADMIN, null, false, SIGNED_IN);
        when(users.findByUsername("local-admin")).thenReturn(Optional.of(local));

        assertThat(rule.rejection("ci", "local-admin", SIGNED_IN.plus(Duration.ofDays(400))))
                .isEmpty();
    }

    private void givenAccount(UserAccount account) {
        when(users.findByUsername(account.username())).thenReturn(Optional.of(account));
    }

    private static SingleSignOnIdentity identity() {
        return new SingleSignOnIdentity("http://idp", "subject-1", "sso-admin", "SSO Admin");
    }

    private static RoleGrant adminGrant() {
        return new RoleGrant(Role.ADMIN, null, "Group \"admins\"");
    }
}
