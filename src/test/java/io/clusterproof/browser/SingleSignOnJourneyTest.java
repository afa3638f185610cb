package io.clusterproof.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.AuditQuery;
import io.clusterproof.access.AuditRecord;
import io.clusterproof.access.UserService;
import io.clusterproof.support.AsAdmin;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on through a real Keycloak in real Chromium: one Keycloak for the whole class, with
 * the realm of {@code keycloak/clusterproof-realm.json} (users in auditors, engineers-payments,
 * officers, admins, and one in an unmapped group). Skipped, saying why, where no JDK 21+ for
 * Keycloak or no Chromium is installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SingleSignOnJourneyTest {

    private static final String GREG = "5a0f3a2c-6c1b-4f0e-8b7a-2d9e0c200006";
    private static final String AUDITORS = "0b7c1f1e-0a41-4d8e-9d1a-5f3c2a100001";
    private static final String OFFICERS = "0b7c1f1e-0a41-4d8e-9d1a-5f3c2a100003";

    private static final int APP_PORT = freePort();
    private static Keycloak keycloak;
    private static Browser browser;

    private BrowserContext session;

    @BeforeAll
    static void startKeycloak() throws IOException {
        var missing = Keycloak.unavailable();
        assumeTrue(missing.isEmpty(), () -> "Keycloak journey skipped: " + missing.orElse(""));
        assumeTrue(Browser.available(), "Keycloak journey skipped: no Chromium at " + Browser.CHROMIUM);
        keycloak = Keycloak.start(freePort(), "http://127.0.0.1:" + APP_PORT);
        browser = new Browser(APP_PORT);
    }

    @AfterAll
    static void stopKeycloak() {
        if (browser != null) {
            browser.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> APP_PORT);
        registry.add("clusterproof.access.oidc.issuer", () -> keycloak.issuer());
        registry.add("clusterproof.access.oidc.client-id", () -> "clusterproof");
        registry.add("clusterproof.access.oidc.client-secret", () -> Keycloak.PASSWORD);
        registry.add("clusterproof.access.oidc.provider-name", () -> "Keycloak");
        registry.add("clusterproof.access.oidc.required-claims", () -> "email_verified=true");
        registry.add("clusterproof.access.oidc.local-sign-in", () -> "false");
        var mappings = List.of(
                List.of("admins", "ADMIN", ""),
                List.of("officers", "OFFICER", ""),
                List.of("engineers-payments", "ENGINEER", "payments"),
                List.of("auditors", "AUDITOR", ""));
        for (int i = 0; i < mappings.size(); i++) {
            var mapping = mappings.get(i);
            registry.add("clusterproof.access.oidc.mappings[" + i + "].group", () -> mapping.get(0));
            registry.add("clusterproof.access.oidc.mappings[" + i + "].role", () -> mapping.get(1));
            registry.add("clusterproof.access.oidc.mappings[" + i + "].team", () -> mapping.get(2));
        }
    }

    @Autowired
    UserService users;

    @Autowired
    AuditLog auditLog;

    @BeforeEach
    void newBrowserSession() {
        session = browser.newPage().context();
        // the first request to a cold Keycloak renders its login theme and warms its JIT; on a busy
        // two-core machine that alone has taken longer than the shell's 30 s default
        session.setDefaultTimeout(120_000);
        session.setDefaultNavigationTimeout(120_000);
    }

    @AfterEach
    void closeBrowserSession() {
        session.close();
    }

    @Test
    void each_role_signs_in_at_keycloak_and_lands_in_clusterproof_with_it() {
        var expected = List.of(
                List.of("alice-auditor", "AUDITOR"),
                List.of("erin-engineer", "ENGINEER"),
                List.of("oscar-officer", "OFFICER"),
                List.of("ada-admin", "ADMIN"));
        for (var user : expected) {
            var page = session.newPage();
            signInAtKeycloak(page, user.get(0));

            assertThat(page.textContent("#current-user")).isEqualTo(user.get(0));
            assertThat(page.textContent("#current-role")).isEqualToIgnoringCase(user.get(1));
            assertThat(audit(user.get(0), "SIGN_IN"))
                    .anySatisfy(e -> assertThat(e.detail()).contains("through Keycloak as " + user.get(1)));
            page.click("#sign-out");
            page.waitForURL("**/login");
        }
        assertThat(users.find("erin-engineer").orElseThrow().team()).isEqualTo("payments");
    }

    @Test
    void a_user_moved_to_another_group_at_keycloak_gets_the_new_role_at_the_next_sign_in() {
        var page = session.newPage();
        signInAtKeycloak(page, "greg-mover");
        assertThat(page.textContent("#current-role")).isEqualToIgnoringCase("AUDITOR");
        page.click("#sign-out");
        page.waitForURL("**/login");

        keycloak.moveUser(GREG, AUDITORS, OFFICERS);
        signInAtKeycloak(page, "greg-mover");

        assertThat(page.textContent("#current-role")).isEqualToIgnoringCase("OFFICER");
        assertThat(users.find("greg-mover").orElseThrow().roleSource()).isEqualTo("Group \"officers\" at Keycloak");
        assertThat(audit("single-sign-on", "USER_ROLE_CHANGED")).anySatisfy(e -> {
            assertThat(e.targetId()).isEqualTo("greg-mover");
            assertThat(e.before()).contains("role=AUDITOR");
            assertThat(e.after()).contains("role=OFFICER");
        });
    }

    @Test
    void a_user_without_a_mapped_group_is_refused_on_a_page_that_says_why() {
        var page = session.newPage();
        page.navigate(browser.url("/"));
        page.waitForURL("**/login");
        page.click("#sign-in-sso");
        enterKeycloakPassword(page, "uma-unmapped");

        page.waitForURL("**/signin-refused?reason=no-mapped-group");
        assertThat(page.textContent("#refusal")).contains("None of your groups at Keycloak gives access");
        Browser.screenshot(page, "sso-refused");
        assertThat(users.find("uma-unmapped")).isEmpty();
        assertThat(audit("uma-unmapped", "SIGN_IN_FAILED"))
                .anySatisfy(e -> assertThat(e.detail()).contains("no-mapped-group"));
    }

    @Test
    void the_break_glass_administrator_signs_in_with_a_password_while_single_sign_on_is_on() {
        var page = session.newPage();
        page.navigate(browser.url("/login"));
        page.waitForSelector("#sign-in-sso");
        Browser.screenshot(page, "sso-sign-in-page");
        page.click("text=Break-glass administrator");
        page.fill("#vaadinLoginUsername input", "admin");
        page.fill("#vaadinLoginPassword input", "test-admin-passphrase-7");
        page.press("#vaadinLoginPassword input", "Enter");

        page.waitForSelector("#current-user");
        assertThat(page.textContent("#current-user")).isEqualTo("admin");
        assertThat(page.textContent("#current-role")).isEqualToIgnoringCase("ADMIN");
        assertThat(audit("admin", "SIGN_IN")).isNotEmpty();
    }

    @Test
    void signing_out_of_clusterproof_ends_the_keycloak_session_too() {
        var page = session.newPage();
        signInAtKeycloak(page, "oscar-officer");
        // without a sign-out, losing ClusterProof's session alone signs straight back in through Keycloak
        session.clearCookies(new BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
        page.navigate(browser.url("/"));
        page.waitForURL("**/login");
        page.click("#sign-in-sso");
        page.waitForSelector("#current-role");

        page.click("#sign-out");
        page.waitForURL("**/login");
        page.click("#sign-in-sso");

        page.waitForSelector("#kc-login");
        assertThat(page.url()).startsWith(keycloak.issuer());
        assertThat(page.isVisible("#password")).isTrue();
    }

    private void signInAtKeycloak(Page page, String username) {
        page.navigate(browser.url("/"));
        page.waitForURL("**/login");
        page.click("#sign-in-sso");
        enterKeycloakPassword(page, username);
        page.waitForSelector("#current-role");
    }

    private static void enterKeycloakPassword(Page page, String username) {
        page.waitForSelector("#kc-login");
        page.fill("#username", username);
        page.fill("#password", Keycloak.PASSWORD);
        page.click("#kc-login");
    }

    private List<AuditRecord> audit(String actor, String action) {
        return AsAdmin.admin(
                () -> auditLog.find(new AuditQuery(actor, action, null, null, null, null), Pageable.ofSize(50))
                        .getContent());
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
