package io.clusterproof.access;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;

/**
 * Adds OpenID Connect sign-in to the UI filter chain: the authorisation-code flow with PKCE (also
 * for confidential clients), our user service that maps groups to roles, the refusal page, and a
 * sign-out that ends the provider's session too (RP-initiated logout) where the provider offers it.
 */
class SingleSignOn {

    static final String START_PATH = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI
            + "/" + SingleSignOnProperties.REGISTRATION_ID;

    private final ClientRegistrationRepository registrations;
    private final SingleSignOnAccounts accounts;

    SingleSignOn(ClientRegistrationRepository registrations, SingleSignOnAccounts accounts) {
        this.registrations = registrations;
        this.accounts = accounts;
    }

    void addSignIn(HttpSecurity http) throws Exception {
        var requests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new SingleSignOnUserService(accounts)))
                .failureHandler(new SingleSignOnFailureHandler(accounts)));
    }

    void addSignOut(
            VaadinSecurityConfigurer
                    vaadin) { // local users (and a provider without an end-session endpoint) land on the sign-in page
        var signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signOut.setRedirectStrategy(new UidlRedirectStrategy());
        signOut.setPostLogoutRedirectUri("{baseUrl}/login");
        signOut.setDefaultTargetUrl("/login");
        vaadin.logoutSuccessHandler(signOut);
    }
}
