package io.clusterproof.access;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The provider's registration, discovered from its issuer at the first sign-in rather than at
 * start: a provider that is down must not keep ClusterProof (and its break-glass administrator)
 * from starting. A failed discovery is retried at the next sign-in.
 */
class DiscoveredClientRegistration implements ClientRegistrationRepository {

    private final SingleSignOnProperties properties;
    private final AtomicReference<@Nullable ClientRegistration> registration = new AtomicReference<>();

    DiscoveredClientRegistration(SingleSignOnProperties properties) {
        this.properties = properties;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!SingleSignOnProperties.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        var known = registration.get();
        if (known != null) {
            return known;
        }
        var discovered = discover();
        registration.compareAndSet(null, discovered);
        return registration.get();
    }

    private ClientRegistration discover() {
        var builder = ClientRegistrations.fromIssuerLocation(properties.issuer())
                .registrationId(SingleSignOnProperties.REGISTRATION_ID)
                .clientName(properties.providerName())
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret());
        if (properties.clientSecret().isBlank()) {
            // a public client: PKCE, which every sign-in uses, is what protects the code
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(properties.scopes())
                .userNameAttributeName("sub")
                .build();
    }
}
