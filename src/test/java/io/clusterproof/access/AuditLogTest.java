package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class AuditLogTest {

    @Autowired
    UserService users;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_user_change_is_recorded_with_before_and_after() {
        var name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        AsAdmin.admin(() -> {
            users.create(new NewUser(name, "Audited", "long enough passphrase", Role.AUDITOR, null));
            users.changeRole(name, Role.ENGINEER);
            users.changeTeam(name, "payments");
            users.resetPassword(name, "another long passphrase");
            users.disable(name);
            users.enable(name);
        });

        var entries = AsAdmin.admin(
                () -> auditLog.find(new AuditQuery(null, null, "user", null, null, name), Pageable.ofSize(50))
                        .getContent());

        assertThat(entries)
                .extracting(AuditRecord::action)
                .containsExactlyInAnyOrder(
                        "USER_CREATED",
                        "USER_ROLE_CHANGED",
                        "USER_TEAM_CHANGED",
                        "USER_PASSWORD_RESET",
                        "USER_DISABLED",
                        "USER_ENABLED");
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo("test-admin"));
        var roleChange = entries.stream()
                .filter(e -> e.action().equals("USER_ROLE_CHANGED"))
                .findFirst()
                .orElseThrow();
        assertThat(roleChange.before()).contains("role=AUDITOR");
        assertThat(roleChange.after()).contains("role=ENGINEER");
        assertThat(entries).allSatisfy(e -> {
            assertThat(String.valueOf(e.before()) + e.after())
                    .doesNotContain("password")
                    .doesNotContain("{bcrypt}");
        });
    }

    @Test
    void the_service_offers_no_way_to_change_or_remove_an_entry() {
        var publicMethods = Arrays.stream(AuditLog.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)
                .distinct()
                .toList();
        assertThat(publicMethods)
                .containsExactlyInAnyOrder(
                        "record",
                        "recordAs",
                        "recordOnItsOwn",
                        "accountShapedBy",
                        "verify",
                        "chainHead",
                        "find",
                        "actions",
                        "targetTypes",
                        "currentActorName",
                        "currentAccountableName");
        assertThat(Arrays.stream(AuditEntryRepository.class.getMethods()).map(Method::getName))
                .noneMatch(n -> n.startsWith("delete") || n.startsWith("update") || n.equals("saveAll"));
    }

    @Test
    void the_database_refuses_to_change_or_delete_an_entry() {
        auditLog.recordAs("tester", AuditEvent.of("PROBE", "test", "row"));
        var id = jdbc.queryForObject("select max(id) from audit_entry where action = 'PROBE'", Long.class);

        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'mallory' where id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", id))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select actor from audit_entry where id = ?", String.class, id))
                .isEqualTo("tester");
    }

    @Test
    void reading_the_log_requires_an_auditing_role() {
        assertThatThrownBy(
                        () -> AsAdmin.as("eve", "ENGINEER", () -> auditLog.find(AuditQuery.all(), Pageable.ofSize(1))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
