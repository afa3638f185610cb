package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.base.UserFacingException;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.Http;
import io.clusterproof.support.WebIntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against an OpenID provider running in the test (mock-oauth2-server): the real
 * authorisation-code flow with PKCE over HTTP, with the claims each test puts in the ID token.
 */
@WebIntegrationTest
class SingleSignOnTest {

    private static final String ISSUER_ID = "idp";
    private static final MockOAuth2Server provider = new MockOAuth2Server();

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        provider.start(InetAddress.getLoopbackAddress(), 0);
        registry.add(
                "clusterproof.access.oidc.issuer",
                () -> provider.issuerUrl(ISSUER_ID).toString());
        registry.add("clusterproof.access.oidc.client-id", () -> "clusterproof");
        registry.add("clusterproof.access.oidc.client-secret", () -> "test-only-not-a-secret");
        registry.add("clusterproof.access.oidc.provider-name", () -> "Test IdP");
        registry.add("clusterproof.access.oidc.required-claims", () -> "email_verified=true");
        registry.add("clusterproof.access.oidc.local-sign-in", () -> "false");
        registry.add("clusterproof.access.oidc.break-glass-user", () -> "admin");
        var mappings = List.of("admins:ADMIN:", "officers:OFFICER:", "engineers-payments:ENGINEER:payments");
        for (int i = 0; i < mappings.size(); i++) {
            var parts = mappings.get(i).split(":", -1);
            registry.add("clusterproof.access.oidc.mappings[" + i + "].group", () -> parts[0]);
            registry.add("clusterproof.access.oidc.mappings[" + i + "].role", () -> parts[1]);
            registry.add("clusterproof.access.oidc.mappings[" + i + "].team", () -> parts[2]);
        }
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ApiTokenService tokens;

    @Test
    void a_mapped_group_signs_in_with_its_role_and_team_through_pkce_and_is_audited() {
        var username = unique("eng");
        var http = new Http(port);

        var landed = signIn(http, username, List.of("staff", "engineers-payments"));

        assertThat(landed.headers().firstValue("Location")).hasValue(http.url("/"));
        assertThat(http.get("/").statusCode()).isEqualTo(200);
        var user = users.find(username).orElseThrow();
        assertThat(user.role()).isEqualTo(Role.ENGINEER);
        assertThat(user.team()).isEqualTo("payments");
        assertThat(user.singleSignOn()).isTrue();
        assertThat(user.roleSource()).isEqualTo("Group \"engineers-payments\" at Test IdP");
        assertThat(entries(username, "SIGN_IN")).hasSize(1);
        assertThat(entries(SingleSignOnAccounts.ACTOR, "USER_CREATED"))
                .anySatisfy(e -> assertThat(e.targetId()).isEqualTo(username));
    }

    @Test
    void the_authorisation_request_carries_a_pkce_challenge_and_survives_the_cross_site_return() {
        var start = new Http(port).get("/oauth2/authorization/sso");

        assertThat(start.statusCode()).isEqualTo(302);
        // the request waits in the session; a Strict cookie would not come back with the provider's redirect
        assertThat(start.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax"));
        assertThat(start.headers().firstValue("Location"))
                .hasValueSatisfying(location ->
                        assertThat(location).contains("code_challenge=").contains("code_challenge_method=S256"));
    }

    @Test
    void roles_are_recomputed_at_every_sign_in_and_a_change_is_audited() {
        var username = unique("officer");
        signIn(new Http(port), username, List.of("officers"));
        var first = users.find(username).orElseThrow();

        signIn(new Http(port), username, List.of("admins"));

        var second = users.find(username).orElseThrow();
        assertThat(first.role()).isEqualTo(Role.OFFICER);
        assertThat(second.role()).isEqualTo(Role.ADMIN);
        assertThat(second.roleSource()).isEqualTo("Group \"admins\" at Test IdP");
        assertThat(second.roleChangedAt()).isAfterOrEqualTo(first.roleChangedAt());
        assertThat(entries(SingleSignOnAccounts.ACTOR, "USER_ROLE_CHANGED")).anySatisfy(e -> {
            assertThat(e.targetId()).isEqualTo(username);
            assertThat(e.before()).contains("role=OFFICER");
            assertThat(e.after()).contains("role=ADMIN");
        });
        assertThat(entries(username, "SIGN_IN")).hasSize(2);
    }

    @Test
    void a_user_without_a_mapped_group_is_refused_and_the_refusal_is_audited() {
        var username = unique("nobody");

        var refused = signIn(new Http(port), username, List.of("staff"));

        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/signin-refused?reason=no-mapped-group"));
        assertThat(users.find(username)).isEmpty();
        assertThat(entries(username, "SIGN_IN_FAILED"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("no-mapped-group"));
    }

    @Test
    void an_unverified_email_is_refused_when_the_provider_must_confirm_it() {
        var username = unique("unverified");
        var claims = claims(username, List.of("admins"));
        claims.put("email_verified", false);

        var refused = signIn(new Http(port), username, claims);

        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("reason=missing-claim"));
        assertThat(users.find(username)).isEmpty();
    }

    @Test
    void a_provider_user_cannot_take_over_a_local_account_of_the_same_name() {
        var username = unique("local");
        AsAdmin.admin(() -> users.create(new NewUser(username, "", "correct horse battery", Role.OFFICER, null)));

        var refused = signIn(new Http(port), username, List.of("admins"));

        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("reason=username-taken"));
        var local = users.find(username).orElseThrow();
        assertThat(local.role()).isEqualTo(Role.OFFICER);
        assertThat(local.singleSignOn()).isFalse();
    }

    @Test
    void a_disabled_single_sign_on_user_is_refused_even_with_a_mapped_group() {
        var username = unique("disabled");
        signIn(new Http(port), username, List.of("officers"));
        AsAdmin.admin(() -> users.disable(username));

        var refused = signIn(new Http(port), username, List.of("officers"));

        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("reason=account-disabled"));
    }

    @Test
    void with_local_sign_in_off_only_the_break_glass_administrator_may_use_a_password() {
        var username = unique("pw");
        AsAdmin.admin(() -> users.create(new NewUser(username, "", "correct horse battery", Role.AUDITOR, null)));

        var local = new Http(port).signIn(username, "correct horse battery");
        var breakGlass = new Http(port).signIn("admin", "test-admin-passphrase-7");

        assertThat(local.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(breakGlass.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    @Test
    void administrators_cannot_change_the_role_that_the_provider_grants() {
        var username = unique("fixed");
        signIn(new Http(port), username, List.of("officers"));

        assertThatThrownBy(() -> AsAdmin.admin(() -> users.changeRole(username, Role.ADMIN)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("identity provider's groups");
        assertThat(users.find(username).orElseThrow().role()).isEqualTo(Role.OFFICER);
    }

    @Test
    void an_api_token_stops_working_when_its_creator_loses_the_administrators_group() {
        var username = unique("tokenadmin");
        signIn(new Http(port), username, List.of("admins"));
        var token = AsAdmin.as(username, "ADMIN", () -> tokens.create(unique("ci"), Role.AUDITOR, Duration.ofDays(30)))
                .token();
        var before = new Http(port).get("/api/v1/clusters", token);

        var refused = signIn(new Http(port), username, List.of("staff"));
        var after = new Http(port).get("/api/v1/clusters", token);

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("reason=no-mapped-group"));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("no longer an administrator");
    }

    /** The browser's part of the flow: start at ClusterProof, pass the provider, come back with the code. */
    private HttpResponse<String> signIn(Http http, String username, List<String> groups) {
        return signIn(http, username, claims(username, groups));
    }

    private HttpResponse<String> signIn(Http http, String username, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER_ID, "sub-" + username, "JWT", List.of("clusterproof"), claims, 300));
        var start = http.get("/oauth2/authorization/sso");
        var atProvider = send(start.headers().firstValue("Location").orElseThrow());
        var callback = atProvider.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(http.url("/login/oauth2/code/sso"));
        return http.send(HttpRequest.newBuilder(URI.create(callback)).GET().build());
    }

    private static Map<String, Object> claims(String username, List<String> groups) {
        var claims = new HashMap<String, Object>();
        claims.put("preferred_username", username);
        claims.put("name", "Test " + username);
        claims.put("email_verified", true);
        claims.put("groups", groups);
        return claims;
    }

    private static HttpResponse<String> send(String url) {
        var client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<AuditRecord> entries(String actor, String action) {
        return AsAdmin.admin(
                () -> auditLog.find(new AuditQuery(actor, action, null, null, null, null), Pageable.ofSize(50))
                        .getContent());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
