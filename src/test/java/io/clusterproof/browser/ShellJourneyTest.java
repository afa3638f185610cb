package io.clusterproof.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.access.NewUser;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@WebIntegrationTest
@EnabledIf("io.clusterproof.browser.Browser#available")
class ShellJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Test
    void an_auditor_signs_in_sees_the_shell_and_signs_out() {
        if (AsAdmin.admin(() -> users.find("shell-auditor")).isEmpty()) {
            AsAdmin.admin(() -> users.create(
                    new NewUser("shell-auditor", "Shell Auditor", "auditor passphrase 1", Role.AUDITOR, null)));
        }
        try (var browser = new Browser(port)) {
            var page = browser.signIn("shell-auditor", "auditor passphrase 1");

            assertThat(page.textContent("#current-user")).isEqualTo("shell-auditor");
            // the pages as users see them: no development tools or their popups over the content
            assertThat(page.locator("vaadin-dev-tools, copilot-main").count()).isZero();
            assertThat(page.textContent("#current-role")).isEqualTo("Auditor");
            var menu = page.textContent("#main-nav");
            assertThat(menu).contains("Audit log").doesNotContain("Users").doesNotContain("API tokens");
            Browser.screenshot(page, "shell-auditor");

            page.click("#sign-out");
            page.waitForURL("**/login");
            assertThat(page.waitForSelector("#vaadinLoginUsername").isVisible()).isTrue();
            Browser.screenshot(page, "shell-signed-out");
        }
    }
}
