package io.clusterproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.access.AuditLog;
import io.clusterproof.access.AuditQuery;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code token create} and {@code audit verify} against the application's database. */
@IntegrationTest
class AdminCommandsTest {

    @Autowired
    ApplicationContext application;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void token_create_prints_the_token_once_and_audits_it_as_issued_from_the_command_line() {
        var name = "pipeline-" + UUID.randomUUID().toString().substring(0, 8);

        var exit = run("token", "create", "--name", name, "--role", "engineer");

        assertThat(exit).as(text(err)).isZero();
        var token = text(out).trim();
        assertThat(token).startsWith("cp_").hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject(
                        "select role from api_token where name = ? and token_prefix = ?",
                        String.class,
                        name,
                        token.substring(0, 8)))
                .isEqualTo("ENGINEER");
        var entries = AsAdmin.admin(() -> auditLog.find(
                        new AuditQuery(null, "API_TOKEN_CREATED", "api-token", null, null, name), Pageable.ofSize(5))
                .getContent());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.detail()).isEqualTo("issued from the command line");
            assertThat(e.actor()).isEqualTo("command-line");
            assertThat(e.after()).doesNotContain(token);
        });
    }

    @Test
    void token_create_refuses_an_unknown_role_and_a_user_who_is_not_an_administrator() {
        assertThat(run("token", "create", "--name", "x", "--role", "root")).isEqualTo(2);
        assertThat(text(err)).contains("--role root is not a role");
        assertThat(run("token", "create", "--name", "x", "--role", "auditor", "--user", "nobody-" + UUID.randomUUID()))
                .isEqualTo(2);
        assertThat(text(err)).contains("there is no user named nobody-");
    }

    @Test
    void audit_verify_reports_an_intact_chain_with_exit_code_0() {
        var exit = run("audit", "verify");

        assertThat(exit).as(text(err)).isZero();
        assertThat(text(out)).startsWith("The audit chain is intact: ");
    }

    private int run(String... args) {
        return AdminCommands.run(
                args,
                ignored -> child(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The command closes what it starts: give it a child of the test's context, not the context itself. */
    private ConfigurableApplicationContext child() {
        var child = new AnnotationConfigApplicationContext();
        child.setParent(application);
        child.refresh();
        return child;
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
