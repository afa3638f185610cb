package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.spring.SpringServlet;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.Http;
import io.clusterproof.support.WebIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

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

    @Autowired
    SignInThrottle throttle;

    @Autowired
    ServletRegistrationBean<SpringServlet> vaadinServlet;

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

    @Test
    void forty_parallel_sign_ins_reach_the_password_check_at_most_the_limit_and_every_failure_is_audited()
            throws Exception {
        var attempts = 40;
        var rightOne = 27;
        var pool = Executors.newFixedThreadPool(attempts);
        var gate = new CountDownLatch(1);
        try {
            var answers = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < attempts; i++) {
                var typed = i == rightOne ? password : "wrong password " + i;
                answers.add(pool.submit(() -> {
                    gate.await();
                    return new Http(port).signIn(username, typed);
                }));
            }
            gate.countDown();
            var signedIn = 0;
            for (var answer : answers) {
                var location = answer.get(2, TimeUnit.MINUTES).headers().firstValue("Location");
                // a refusal sends the browser back to the sign-in page (with or without ?error), a sign-in onwards
                if (location.isPresent() && !location.get().contains("/login")) {
                    signedIn++;
                }
            }

            assertThat(throttle.isLocked(username)).as("locked after the burst").isTrue();
            var failures = AsAdmin.admin(() -> auditLog.find(
                            new AuditQuery(username, "SIGN_IN_FAILED", null, null, null, null), Pageable.ofSize(100))
                    .getContent());
            assertThat(failures).as("every failure audited").hasSize(attempts - signedIn);
            assertThat(failures.stream()
                            .filter(f -> "refused: wrong username or password".equals(f.detail()))
                            .count())
                    .as("attempts whose password was checked and wrong")
                    .isLessThanOrEqualTo(properties.maxFailedSignIns());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_disabled_account_is_refused_only_after_its_password_is_checked() {
        var encoder = new CountingEncoder();
        var provider = new ThrottledAuthenticationProvider(
                name -> org.springframework.security.core.userdetails.User.withUsername(name)
                        .password(encoder.encode("the right password"))
                        .roles("AUDITOR")
                        .disabled(name.startsWith("disabled"))
                        .build(),
                encoder,
                throttle);
        encoder.matches = 0;

        assertThatThrownBy(() -> provider.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("disabled-" + UUID.randomUUID(), "guess")))
                .isInstanceOf(DisabledException.class);
        assertThat(encoder.matches).as("hashes computed for a disabled account").isEqualTo(1);
    }

    @Test
    void a_sign_in_whose_attempt_cannot_be_counted_is_refused_as_a_sign_in_failure_so_it_is_audited() {
        var noTables = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:no-tables-" + UUID.randomUUID()));
        var provider = new ThrottledAuthenticationProvider(
                name -> {
                    throw new AssertionError("the password must not be checked");
                },
                new CountingEncoder(),
                new SignInThrottle(noTables, properties, java.time.Clock.systemUTC()));

        assertThatThrownBy(() ->
                        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password)))
                .isInstanceOf(AuthenticationServiceException.class)
                .hasMessage("The sign-in could not be checked; try again in a moment.");
    }

    /** Counts the password checks a sign-in costs. */
    static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder delegate = new BCryptPasswordEncoder(4);
        int matches;

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches++;
            return delegate.matches(raw, encoded);
        }
    }

    @Test
    void disabling_a_user_or_changing_their_role_or_password_ends_their_sessions_at_once() {
        var changes = java.util.Map.<String, java.util.function.Consumer<String>>of(
                "disable", name -> users.disable(name),
                "role", name -> users.changeRole(name, Role.ENGINEER),
                "password", name -> users.resetPassword(name, "a new and long passphrase"));
        changes.forEach((change, apply) -> {
            var name = "session-" + change + "-" + UUID.randomUUID().toString().substring(0, 8);
            AsAdmin.admin(() -> users.create(new NewUser(name, "", password, Role.AUDITOR, null)));
            var browser = new Http(port);
            browser.signIn(name, password);
            assertThat(browser.get("/").statusCode()).as(change + ": signed in").isEqualTo(200);

            AsAdmin.admin(() -> apply.accept(name));

            var next = browser.get("/");
            assertThat(next.statusCode()).as(change + ": the next request").isEqualTo(302);
            assertThat(next.headers().firstValue("Location"))
                    .as(change)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        });
    }

    @Test
    void an_idle_tab_is_closed_although_it_sends_heartbeats() {
        new Http(port).get("/login");
        var servlet = (SpringServlet) vaadinServlet.getServlet();

        assertThat(servlet.getService().getDeploymentConfiguration().isCloseIdleSessions())
                .isTrue();
    }

    private long entriesFor(String actor, String action) {
        return AsAdmin.admin(
                () -> auditLog.find(new AuditQuery(actor, action, null, null, null, null), Pageable.ofSize(10))
                        .getTotalElements());
    }
}
