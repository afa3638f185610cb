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

/** A refused form in real Chromium: the reason is readable, and nothing typed is lost. */
@WebIntegrationTest
@EnabledIf("io.clusterproof.browser.Browser#available")
class FormErrorJourneyTest {

    private static final String JUSTIFICATION = "The batch job needs host networking until the vendor ships v2.";

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Test
    void a_refused_waiver_request_shows_why_keeps_the_dialog_open_and_keeps_the_input() {
        if (AsAdmin.admin(() -> users.find("form-engineer")).isEmpty()) {
            AsAdmin.admin(() -> users.create(
                    new NewUser("form-engineer", "Form Engineer", "engineer passphrase 7", Role.ENGINEER, "payments")));
        }
        try (var browser = new Browser(port)) {
            var page = browser.signIn("form-engineer", "engineer passphrase 7");
            page.navigate(browser.url("/waivers"));
            page.click("#new-waiver");
            var dialog = page.locator("vaadin-dialog-overlay:has-text('Request a waiver')");
            dialog.waitFor();
            page.locator("#waiver-justification textarea").fill(JUSTIFICATION);
            page.locator("#waiver-ticket input").fill("SEC-1234");

            page.click("#request-waiver-save");

            var message = page.locator("vaadin-notification-card").getByText("Choose the check to waive.");
            message.waitFor();
            assertThat(message.isVisible()).isTrue();
            assertThat(dialog.isVisible()).isTrue();
            var check = page.locator("#waiver-check");
            assertThat(check.getAttribute("invalid")).isNotNull();
            assertThat(check.locator("[slot='error-message']").textContent()).isEqualTo("Choose the check to waive.");
            Browser.screenshot(page, "form-error-1-refused");

            page.locator("vaadin-notification-card vaadin-button[aria-label='Close']")
                    .click();
            page.locator("vaadin-notification-card")
                    .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                            .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));

            assertThat(dialog.isVisible()).isTrue();
            assertThat(page.locator("#waiver-justification textarea").inputValue())
                    .isEqualTo(JUSTIFICATION);
            assertThat(page.locator("#waiver-ticket input").inputValue()).isEqualTo("SEC-1234");
            assertThat(check.getAttribute("invalid")).isNotNull();

            page.keyboard().press("Escape");
            dialog.waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        }
    }
}
