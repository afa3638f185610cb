package io.clusterproof.access;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A signed-in single sign-on user. Its name is the ClusterProof username (so the audit log,
 * four-eyes rules and team isolation treat it like any account), its one authority the role the
 * groups granted at this sign-in. It is also a {@link UserDetails}, so the application shell shows
 * it the way it shows a local user.
 */
final class SingleSignOnUser extends DefaultOidcUser implements UserDetails {

    private static final long serialVersionUID = 1L;

    private final String username;

    SingleSignOnUser(UserSummary account, OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
        super(List.of(new SimpleGrantedAuthority(account.role().authority())), idToken, userInfo);
        this.username = account.username();
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public @Nullable String getPassword() {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SingleSignOnUser user && user.username.equals(username) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }
}
