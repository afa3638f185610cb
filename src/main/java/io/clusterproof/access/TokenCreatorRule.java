package io.clusterproof.access;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An API token acts for the administrator who created it, so it works only while the provider
 * still vouches for that administrator when they sign in through single sign-on: the groups must
 * still make them an administrator at their last sign-in, and that sign-in must be recent enough
 * ({@code clusterproof.access.oidc.group-recheck}), because ClusterProof learns about a removed
 * group only when the user signs in again.
 */
@Component
class TokenCreatorRule {

    private final UserAccountRepository users;
    private final SingleSignOnProperties properties;

    TokenCreatorRule(UserAccountRepository users, SingleSignOnProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    /** Why the token may not act now, if its creator's single sign-on no longer grants it. */
    Optional<String> rejection(String tokenName, String createdBy, Instant now) {
        var creator = users.findByUsername(createdBy).filter(UserAccount::singleSignOn);
        if (creator.isEmpty()) {
            return Optional.empty();
        }
        var account = creator.get();
        var prefix = "The API token \"" + tokenName + "\" no longer works: its creator \"" + createdBy + "\" ";
        var confirmed = account.ssoConfirmedAt();
        if (!account.enabled()) {
            return Optional.of(prefix + "is disabled.");
        }
        if (confirmed == null || account.role() != Role.ADMIN) {
            return Optional.of(prefix + "is no longer an administrator at the identity provider.");
        }
        if (confirmed.plus(properties.groupRecheck()).isBefore(now)) {
            return Optional.of(prefix + "has not signed in since " + confirmed
                    + "; their groups must be confirmed by a sign-in at least every "
                    + properties.groupRecheck().toDays() + " days.");
        }
        return Optional.empty();
    }
}
