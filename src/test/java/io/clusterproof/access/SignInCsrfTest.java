package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.Http;
import io.clusterproof.support.WebIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in form is protected against cross-site request forgery: a POST to /login without the
 * session's CSRF token (what another site could make a victim's browser send) signs nobody in.
 */
@WebIntegrationTest
class SignInCsrfTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    private String username;
    private final String password = "Quartz-Lantern-Meadow-41";

    @BeforeEach
    void createUser() {
        username = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        AsAdmin.admin(() -> users.create(new NewUser(username, "", password, Role.AUDITOR, null)));
    }

    @Test
    void a_sign_in_post_without_the_csrf_token_is_refused_and_signs_nobody_in() {
        var http = new Http(port);
        http.get("/login");

        var response = post(http, "username=" + username + "&password=" + password);

        assertThat(response.statusCode())
                .as(response.headers().map().toString())
                .isEqualTo(403);
        assertThat(signedIn(http)).isFalse();
    }

    @Test
    void a_sign_in_post_with_a_forged_csrf_token_is_refused() {
        var http = new Http(port);
        http.get("/login");

        var response = post(http, "username=" + username + "&password=" + password + "&_csrf=forged-token");

        assertThat(response.statusCode())
                .as(response.headers().map().toString())
                .isEqualTo(403);
        assertThat(signedIn(http)).isFalse();
    }

    @Test
    void a_sign_in_post_with_the_sessions_csrf_token_signs_in() {
        var http = new Http(port);

        var response = http.signIn(username, password);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
        assertThat(signedIn(http)).isTrue();
    }

    private static HttpResponse<String> post(Http http, String form) {
        return http.send(HttpRequest.newBuilder(URI.create(http.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** Signed in: the start page is served instead of a redirect to the sign-in page. */
    private static boolean signedIn(Http http) {
        var start = http.get("/");
        return start.statusCode() == 200;
    }
}
