package io.clusterproof.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.clusterproof.access.NewUser;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.evidence.EvidenceService;
import io.clusterproof.evidence.ExportRequest;
import io.clusterproof.remediation.AttestationScope;
import io.clusterproof.remediation.AttestationService;
import io.clusterproof.remediation.WaiverRequest;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.WebIntegrationTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main action of a page is on screen at 1440×900 and 1280×720, without scrolling sideways, and
 * a page opened starts at its top.
 */
@WebIntegrationTest
@EnabledIf("io.clusterproof.browser.Browser#available")
class LayoutJourneyTest {

    private static final int[][] VIEWPORTS = {{1440, 900}, {1280, 720}};
    private static final String CONTENT =
            "(document.querySelector('vaadin-app-layout').shadowRoot.querySelector('[content]'))";
    private static final String SCROLL_TO_END =
            "() => { window.scrollTo(0, 100000); " + CONTENT + ".scrollTop = 100000; }";
    private static final String SCROLLED = "() => Math.max(window.scrollY, " + CONTENT + ".scrollTop)";
    // a router link to the current address, clicked the way the menu's and breadcrumbs' links are
    private static final String OPEN_AGAIN =
            "() => { window.cpSameDocument = true; const a = document.createElement('a');"
                    + " a.href = location.href; a.setAttribute('router-link', '');"
                    + " document.querySelector('vaadin-app-layout').appendChild(a); a.click(); }";

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    TestClusters clusters;

    @Autowired
    WaiverService waivers;

    @Autowired
    AttestationService attestations;

    @Autowired
    EvidenceService evidence;

    @Autowired
    Clock clock;

    @Test
    void approve_reject_and_download_are_within_the_viewport_at_both_sizes() {
        if (AsAdmin.admin(() -> users.find("layout-officer")).isEmpty()) {
            AsAdmin.admin(() -> users.create(
                    new NewUser("layout-officer", "Layout Officer", "officer passphrase 5", Role.OFFICER, null)));
        }
        var cluster = clusters.manifests("layout", Path.of("src/main/resources/demo/cluster"));
        clusters.latestAssessment(clusters.collect(cluster).snapshotId());
        var waiver = AsAdmin.as(
                "layout-engineer",
                "ENGINEER",
                () -> waivers.request(new WaiverRequest(
                        "privileged-container",
                        cluster.id(),
                        "payments",
                        null,
                        null,
                        "The vendor's node agent needs privileges until its next release ships.",
                        "https://tickets.example.com/browse/SEC-123456789",
                        clock.instant().plus(Duration.ofDays(30)))));
        var attestation = AsAdmin.as(
                "layout-officer",
                "OFFICER",
                () -> attestations.record(
                        "pci-dss-4.0",
                        "12.10.1",
                        AttestationScope.clusters(Set.of(cluster.id())),
                        "The incident response plan covering this cluster was reviewed, updated after the"
                                + " tabletop exercise and approved by the security steering committee.",
                        "https://docs.example.com/security/incident-response-plan-2026-reviewed",
                        null,
                        null));
        var today = LocalDate.now(clock);
        var pack = AsAdmin.as(
                "layout-auditor",
                "AUDITOR",
                () -> evidence.createPack(
                        new ExportRequest(List.of(cluster.id()), "pci-dss-4.0", today.minusDays(6), today)));

        try (var browser = new Browser(port)) {
            for (var size : VIEWPORTS) {
                var page = browser.signIn("layout-officer", "officer passphrase 5", size[0], size[1]);

                page.navigate(browser.url("/waivers?report=REQUESTED"));
                assertOnScreen(page, "#approve-" + waiver.id(), size);
                assertOnScreen(page, "#reject-" + waiver.id(), size);
                Browser.screenshot(page, "layout-waivers-" + size[0]);

                page.navigate(browser.url("/evidence"));
                var download = "#download-pack-" + pack.id();
                assertOnScreen(page, download, size);
                assertThat(page.locator(download).innerText()).isEqualTo("Download");
                Browser.screenshot(page, "layout-locker-" + size[0]);

                page.navigate(browser.url("/attestations?framework=pci-dss-4.0&ref=12.10.1"));
                var revoke = "#revoke-" + attestation.id();
                assertOnScreen(page, revoke, size);
                assertThat(page.locator(revoke).innerText()).isEqualTo("Revoke");
                Browser.screenshot(page, "layout-attestations-" + size[0]);

                page.navigate(browser.url("/control?cluster=" + cluster.id() + "&framework=pci-dss-4.0&ref=2.2.1"));
                var message = page.locator("#results vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Message"))
                        .first();
                message.waitFor();
                assertThat(message.boundingBox().width)
                        .as("message column width at %dx%d", size[0], size[1])
                        .isGreaterThan(200);
                Browser.screenshot(page, "layout-control-" + size[0]);

                page.navigate(browser.url("/frameworks/pci-dss-4.0?cluster=" + cluster.id()));
                var controls = page.locator("#controls");
                controls.waitFor();
                assertThat(controls.boundingBox().height)
                        .as("controls grid height at %dx%d", size[0], size[1])
                        .isGreaterThan(300);
                Browser.screenshot(page, "layout-framework-" + size[0]);

                // a new page starts at its top, wherever the last one was scrolled to
                page.evaluate(SCROLL_TO_END);
                assertThat(((Number) page.evaluate(SCROLLED)).doubleValue())
                        .as("the framework page scrolls at %dx%d", size[0], size[1])
                        .isPositive();
                page.locator("#main-nav").getByText("Waivers").click();
                page.waitForURL("**/waivers**");
                page.locator("#waivers").waitFor();
                assertThat(((Number) page.evaluate(SCROLLED)).doubleValue()).isZero();

                // opening the page that is already open starts it at its top too
                page.navigate(browser.url("/frameworks/pci-dss-4.0?cluster=" + cluster.id()));
                page.locator("#controls").waitFor();
                page.evaluate(SCROLL_TO_END);
                assertThat(((Number) page.evaluate(SCROLLED)).doubleValue()).isPositive();
                page.evaluate(OPEN_AGAIN);
                page.waitForFunction(SCROLLED + " === 0");
                assertThat(page.evaluate("() => window.cpSameDocument === true"))
                        .as("opened again inside the application, not reloaded")
                        .isEqualTo(true);
                page.context().close();
            }
        }
    }

    private static void assertOnScreen(Page page, String selector, int[] size) {
        var element = page.locator(selector);
        element.waitFor();
        var box = element.boundingBox();
        assertThat(box).as(selector).isNotNull();
        assertThat(box.x)
                .as("%s left edge at %dx%d", selector, size[0], size[1])
                .isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width)
                .as("%s right edge at %dx%d", selector, size[0], size[1])
                .isLessThanOrEqualTo(size[0]);
        assertThat(box.width).as("%s width", selector).isGreaterThan(20);
    }
}
