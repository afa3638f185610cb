package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.base.UserFacingException;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class UserServiceTest {

    @Autowired
    UserService users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void passwords_are_stored_as_bcrypt_hashes() {
        var name = unique("hash");
        AsAdmin.admin(() -> users.create(new NewUser(name, "", "my long passphrase", Role.AUDITOR, null)));

        var stored =
                jdbc.queryForObject("select password_hash from user_account where username = ?", String.class, name);

        assertThat(stored).startsWith("{bcrypt}").doesNotContain("my long passphrase");
    }

    @Test
    void a_user_with_a_published_password_is_marked_and_meets_the_same_rules() {
        var name = unique("published");

        var created = AsAdmin.admin(() -> users.createWithPublishedPassword(
                new NewUser(name, "", "orbit maple clinic saxophone", Role.AUDITOR, null)));

        assertThat(created.demo()).isTrue();
        assertThat(jdbc.queryForObject(
                        "select detail from audit_entry where action = 'USER_CREATED' and target_id = ?",
                        String.class,
                        name))
                .isEqualTo("published password");
        assertThatThrownBy(() -> AsAdmin.admin(() -> users.createWithPublishedPassword(
                        new NewUser(unique("weak"), "", "password1234", Role.AUDITOR, null))))
                .isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> AsAdmin.as(
                        "someone",
                        "OFFICER",
                        () -> users.createWithPublishedPassword(
                                new NewUser(unique("x"), "", "orbit maple clinic saxophone", Role.ADMIN, null))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void only_an_administrator_manages_users() {
        for (var role : new String[] {"AUDITOR", "ENGINEER", "OFFICER"}) {
            assertThatThrownBy(() -> AsAdmin.as(
                            "someone",
                            role,
                            () -> users.create(
                                    new NewUser(unique("x"), "", "long enough passphrase", Role.ADMIN, null))))
                    .as(role)
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void short_passwords_and_bad_names_are_refused_with_a_reason() {
        assertThatThrownBy(() -> AsAdmin.admin(
                        () -> users.create(new NewUser(unique("short"), "", "short", Role.AUDITOR, null))))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> AsAdmin.admin(
                        () -> users.create(new NewUser("Bad Name!", "", "long enough passphrase", Role.AUDITOR, null))))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("\"Bad Name!\" is not valid");
    }

    @Test
    void guessable_passwords_are_refused_with_the_reason_in_plain_words() {
        for (var weak : new String[] {"aaaaaaaaaaaa", "password1234", "qwertyuiop12"}) {
            var name = unique("weak");
            assertThatThrownBy(() -> AsAdmin.admin(() -> users.create(new NewUser(name, "", weak, Role.AUDITOR, null))))
                    .as(weak)
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("The password is too easy to guess.")
                    .hasMessageContaining("easy to guess")
                    .hasMessageNotContaining(weak);
            assertThat(users.find(name)).as(weak).isEmpty();
        }
        assertThatThrownBy(() -> AsAdmin.admin(
                        () -> users.create(new NewUser(unique("common"), "", "password1234", Role.AUDITOR, null))))
                .hasMessageContaining("common password");

        var name = unique("strong");
        AsAdmin.admin(() -> users.create(new NewUser(name, "", "orbit maple clinic saxophone", Role.AUDITOR, null)));
        assertThatThrownBy(() -> AsAdmin.admin(() -> users.resetPassword(name, "qwertyuiop12")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("common password");
    }

    @Test
    void a_duplicate_username_is_refused() {
        var name = unique("dup");
        AsAdmin.admin(() -> users.create(new NewUser(name, "", "long enough passphrase", Role.AUDITOR, null)));

        assertThatThrownBy(() -> AsAdmin.admin(
                        () -> users.create(new NewUser(name, "", "long enough passphrase", Role.AUDITOR, null))))
                .hasMessageContaining("already exists");
    }

    @Test
    void the_last_enabled_administrator_cannot_be_demoted_or_disabled() {
        jdbc.update("update user_account set enabled = false where role = 'ADMIN' and username <> 'admin'");

        assertThatThrownBy(() -> AsAdmin.as("other", "ADMIN", () -> users.changeRole("admin", Role.AUDITOR)))
                .hasMessageContaining("last enabled administrator");
        assertThatThrownBy(() -> AsAdmin.as("other", "ADMIN", () -> users.disable("admin")))
                .hasMessageContaining("last enabled administrator");
    }

    @Test
    void an_administrator_cannot_disable_their_own_account() {
        assertThatThrownBy(() -> AsAdmin.as("admin", "ADMIN", () -> users.disable("admin")))
                .hasMessageContaining("your own account");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
