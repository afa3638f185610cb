package io.clusterproof.access;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** After the provider has vouched for a user: maps their claims to an account, or refuses them. */
class SingleSignOnUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final SingleSignOnAccounts accounts;

    SingleSignOnUserService(SingleSignOnAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var user = provider.loadUser(request);
        var outcome = accounts.signIn(
                request.getClientRegistration().getProviderDetails().getIssuerUri(),
                user.getSubject(),
                user.getClaims());
        if (outcome.user() == null) {
            var refusal = outcome.refusal() == null ? SingleSignOnRefusal.PROVIDER_ERROR : outcome.refusal();
            throw new OAuth2AuthenticationException(new OAuth2Error(refusal.code(), refusal.name(), null));
        }
        return new SingleSignOnUser(outcome.user(), user.getIdToken(), user.getUserInfo());
    }
}
