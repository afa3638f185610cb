package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.Http;
import io.clusterproof.support.WebIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;

@WebIntegrationTest
class SignInTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AccessProperties properties;

    private String username;
    private final String password = "correct horse battery";

    @BeforeEach
    void createUser() {
        username = "signin-" + UUID.randomUUID().toString().substring(0, 8);
        AsAdmin.admin(() -> users.create(new NewUser(username, "", password, Role.AUDITOR, null)));
    }

    @Test
    void a_correct_password_signs_in_and_is_audited() {
        var response = new Http(port).signIn(username, password);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(entriesFor(username, "SIGN_IN")).isEqualTo(1);
    }

    @Test
    void a_wrong_password_fails_and_is_audited_with_the_typed_name() {
        var response = new Http(port).signIn(username, "wrong password!");

        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(entriesFor(username, "SIGN_IN_FAILED")).isEqualTo(1);
    }

    @Test
    void repeated_failures_lock_the_name_even_for_the_right_password() {
        var http = new Http(port);
        for (int i = 0; i < properties.maxFailedSignIns(); i++) {
            http.signIn(username, "wrong password " + i);
        }

        var response = new Http(port).signIn(username, password);

        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void an_unknown_name_and_a_wrong_password_get_the_same_answer() {
        var unknown = new Http(port).signIn("nobody-" + UUID.randomUUID(), "whatever password");
        var wrong = new Http(port).signIn(username, "whatever password");

        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode());
        assertThat(unknown.headers().firstValue("Location"))
                .isEqualTo(wrong.headers().firstValue("Location"));
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void a_disabled_user_cannot_sign_in() {
        AsAdmin.admin(() -> users.disable(username));

        var response = new Http(port).signIn(username, password);

        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    private long entriesFor(String actor, String action) {
        return AsAdmin.admin(
                () -> auditLog.find(new AuditQuery(actor, action, null, null, null, null), Pageable.ofSize(10))
                        .getTotalElements());
    }
}
