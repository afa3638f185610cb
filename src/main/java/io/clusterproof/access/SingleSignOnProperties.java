package io.clusterproof.access;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenID Connect single sign-on. A record of its own (beside {@link AccessProperties}) because it
 * is a feature that is either entirely configured or entirely off: with a blank issuer nothing of
 * it starts, not even a discovery request.
 *
 * @param issuer the provider's issuer URI; blank switches single sign-on off
 * @param clientId the client registered at the provider
 * @param clientSecret blank for a public client (PKCE alone then protects the code)
 * @param providerName shown on the sign-in button: "Sign in with &lt;providerName&gt;"
 * @param groupsClaim the claim that lists the user's groups; dots walk into nested objects
 *     ({@code realm_access.roles})
 * @param usernameClaim the claim whose value becomes the ClusterProof username
 * @param mappings group value (a name, or an Entra ID object id) to role and team; the first
 *     mapping whose group the user has decides
 * @param minimumRole given to a user none of whose groups is mapped; none means such a user is refused
 * @param requiredClaims {@code claim=value} pairs the provider must send, e.g. {@code email_verified=true}
 * @param localSignIn whether local accounts may still sign in with a password
 * @param breakGlassUser the one local account that may sign in with a password when local sign-in is off
 * @param groupRecheck how long the API tokens of a single sign-on user keep working after the last
 *     sign-in that confirmed their groups
 */
@ConfigurationProperties("clusterproof.access.oidc")
public record SingleSignOnProperties(
        @DefaultValue("") String issuer,
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue("single sign-on") String providerName,
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue List<GroupMapping> mappings,
        @Nullable Role minimumRole,
        @DefaultValue List<String> requiredClaims,
        @DefaultValue("true") boolean localSignIn,
        @DefaultValue("admin") String breakGlassUser,
        @DefaultValue("7d") Duration groupRecheck) {

    /** The registration id in the redirect URI: {@code {baseUrl}/login/oauth2/code/sso}. */
    public static final String REGISTRATION_ID = "sso";

    public SingleSignOnProperties {
        for (var requirement : requiredClaims) {
            if (requirement.indexOf('=') < 1) {
                throw new IllegalArgumentException("clusterproof.access.oidc.required-claims: \"" + requirement
                        + "\" is not of the form claim=value, e.g. email_verified=true");
            }
        }
        for (var mapping : mappings) {
            if (mapping.group() == null || mapping.group().isBlank() || mapping.role() == null) {
                throw new IllegalArgumentException("clusterproof.access.oidc.mappings: " + mapping
                        + " needs both a group and a role (AUDITOR, ENGINEER, OFFICER or ADMIN)");
            }
        }
    }

    public boolean enabled() {
        return !issuer.isBlank();
    }

    /**
     * @param group a value of the groups claim
     * @param team for engineers: the team whose remediation work they see
     */
    public record GroupMapping(
            String group, Role role, @Nullable String team) {}
}
