package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.base.UserFacingException;
import io.clusterproof.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "aaaaaaaaaaaa | Repeats like \"aaa\" are easy to guess.",
                "password1234 | This is a top-10 common password.",
                "qwertyuiop12 | This is a top-100 common password.",
                "abcdefghijkl | Sequences like abc or 6543 are easy to guess."
            })
    void long_but_guessable_passwords_are_refused_with_the_estimators_reason(String password, String reason) {
        assertThatThrownBy(() -> PasswordPolicy.check("someone", password))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("The password is too easy to guess.")
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"orbit maple clinic saxophone", "Kp3v_Zr9xQ-aW2mT7yLbN4hc"})
    void a_strong_passphrase_or_a_random_password_is_accepted(String password) {
        assertThatCode(() -> PasswordPolicy.check("someone", password)).doesNotThrowAnyException();
    }

    @Test
    void length_and_the_username_are_still_checked_first() {
        assertThatThrownBy(() -> PasswordPolicy.check("someone", "Kp3v_Zr9xQ"))
                .hasMessage("The password must have at least 12 characters.");
        assertThatThrownBy(() -> PasswordPolicy.check("maple-clinic-42", "Maple-Clinic-42"))
                .hasMessage("The password must not be the username.");
    }

    @Test
    void the_generated_administrator_password_passes() {
        for (var i = 0; i < 50; i++) {
            var generated = AdminBootstrap.generatePassword();
            assertThatCode(() -> PasswordPolicy.check(AdminBootstrap.ADMIN_USERNAME, generated))
                    .as(generated)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void the_demo_passwords_in_the_readme_pass() {
        DemoAccounts.passwords()
                .forEach((username, password) -> assertThatCode(() -> PasswordPolicy.check(username, password))
                        .as(username)
                        .doesNotThrowAnyException());
    }

    @Test
    void the_test_configurations_administrator_password_passes() {
        assertThatCode(() -> PasswordPolicy.check(AdminBootstrap.ADMIN_USERNAME, "test-admin-passphrase-7"))
                .doesNotThrowAnyException();
    }
}
