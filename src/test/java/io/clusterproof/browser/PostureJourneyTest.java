package io.clusterproof.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.clusterproof.access.NewUser;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.WebIntegrationTest;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The auditor's way in real Chromium: dashboard → a failing PCI control → a finding → its highlighted YAML. */
@WebIntegrationTest
@EnabledIf("io.clusterproof.browser.Browser#available")
class PostureJourneyTest {

    /** The status badge, not the "Failing" column header. */
    private static final Pattern EXACTLY_FAIL = Pattern.compile("^\\s*Fail\\s*$");

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    TestClusters clusters;

    @Test
    void an_auditor_follows_a_failing_pci_control_down_to_the_offending_yaml() {
        if (AsAdmin.admin(() -> users.find("journey-auditor")).isEmpty()) {
            AsAdmin.admin(() -> users.create(
                    new NewUser("journey-auditor", "Journey Auditor", "auditor passphrase 2", Role.AUDITOR, null)));
        }
        var cluster = clusters.manifests("journey", Path.of("src/main/resources/demo/cluster"));
        clusters.latestAssessment(clusters.collect(cluster).snapshotId());

        try (var browser = new Browser(port)) {
            var page = browser.signIn("journey-auditor", "auditor passphrase 2");
            page.navigate(browser.url("/?cluster=" + cluster.id()));
            page.waitForSelector("[id='control-score-pci-dss-4.0']");
            page.waitForSelector("canvas");
            Browser.screenshot(page, "journey-1-dashboard");

            page.click("a:has-text('PCI DSS v4.0')");
            page.waitForURL("**/frameworks/pci-dss-4.0**");
            page.waitForSelector("#controls");
            page.click("#status-filter input");
            page.keyboard().type("Fail");
            page.locator("vaadin-multi-select-combo-box-item")
                    .filter(new Locator.FilterOptions().setHasText(EXACTLY_FAIL))
                    .first()
                    .click();
            page.keyboard().press("Escape");
            page.waitForURL("**status=FAIL**");
            Browser.screenshot(page, "journey-2-pci-failing-controls");

            var failing = page.locator("#controls vaadin-grid-cell-content")
                    .filter(new Locator.FilterOptions().setHasText(EXACTLY_FAIL));
            failing.first().click();
            page.waitForURL("**/control?**");
            page.waitForSelector("#results");
            assertThat(page.textContent("#control-status")).contains("Fail");
            Browser.screenshot(page, "journey-3-control");

            page.locator("#results vaadin-grid-cell-content")
                    .filter(new Locator.FilterOptions().setHasText(EXACTLY_FAIL))
                    .first()
                    .click();
            page.waitForURL("**/finding?**");
            // the resource's redacted YAML is on the finding page (which lines are highlighted depends on the
            // check: PostureViewsTest asserts them for a workload finding)
            var yaml = page.waitForSelector("#finding-yaml");
            assertThat(yaml.isVisible()).isTrue();
            assertThat(page.textContent("#finding-badges")).contains("Fail");
            yaml.scrollIntoViewIfNeeded();
            Browser.screenshot(page, "journey-4-finding-yaml");

            page.goBack();
            page.waitForURL("**/control?**");
            assertThat(page.url()).contains("ref=");
        }
    }
}
