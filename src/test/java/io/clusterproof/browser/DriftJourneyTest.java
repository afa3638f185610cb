package io.clusterproof.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.microsoft.playwright.Locator;
import io.clusterproof.access.NewUser;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.drift.BaselineService;
import io.clusterproof.drift.BaselineSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.ShopManifests;
import io.clusterproof.support.WebIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An officer in real Chromium: dashboard → what changed → an object's diff → the snapshot marked as baseline. */
@WebIntegrationTest
@EnabledIf("io.clusterproof.browser.Browser#available")
class DriftJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    TestClusters clusters;

    @Autowired
    BaselineService baselines;

    @Test
    void an_officer_reads_what_changed_opens_a_diff_and_marks_the_snapshot_as_baseline() throws IOException {
        if (AsAdmin.admin(() -> users.find("journey-officer")).isEmpty()) {
            AsAdmin.admin(() -> users.create(
                    new NewUser("journey-officer", "Journey Officer", "officer passphrase 3", Role.OFFICER, null)));
        }
        var dir = Files.createTempDirectory("drift-journey");
        ShopManifests.BEFORE.write(dir, false);
        var cluster = clusters.manifests("drift-journey", dir);
        clusters.latestAssessment(clusters.collect(cluster).snapshotId());
        ShopManifests.AFTER.write(dir, true);
        clusters.latestAssessment(clusters.collect(cluster).snapshotId());

        try (var browser = new Browser(port)) {
            var page = browser.signIn("journey-officer", "officer passphrase 3");
            page.navigate(browser.url("/?cluster=" + cluster.id()));
            page.click("a.cp-drift-link:has-text('What changed')");
            page.waitForURL("**/drift?cluster=" + cluster.id());
            page.waitForSelector("#drift-timeline canvas");
            page.waitForSelector("#changes");
            assertThat(page.textContent("#changes-section")).contains("1 added · 2 changed · 1 removed");
            Browser.screenshot(page, "drift-1-what-changed");

            page.click("#diff-Deployment-shop-api");
            page.waitForSelector("#field-changes");
            assertThat(page.locator("#field-changes vaadin-grid-cell-content")
                            .filter(new Locator.FilterOptions().setHasText("registry.example/api:2"))
                            .count())
                    .isPositive();
            page.waitForSelector("#change-yaml .cp-hl");
            page.waitForURL("**rname=api**");
            Browser.screenshot(page, "drift-2-diff");
            page.keyboard().press("Escape");

            page.click("#mark-baseline");
            page.fill("#baseline-name input", "Journey audit");
            page.click("#save-baseline");
            page.waitForURL("**baseline=**");
            Browser.screenshot(page, "drift-3-baseline");
        }
        assertThat(baselines.list(cluster.id()))
                .extracting(BaselineSummary::name, BaselineSummary::markedBy)
                .containsExactly(tuple("Journey audit", "journey-officer"));
    }
}
