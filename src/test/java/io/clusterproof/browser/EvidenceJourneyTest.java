package io.clusterproof.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.access.NewUser;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.WebIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An auditor in real Chromium generates an evidence pack and downloads it from the locker, digest intact. */
@WebIntegrationTest
@EnabledIf("io.clusterproof.browser.Browser#available")
class EvidenceJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    TestClusters clusters;

    @Autowired
    io.clusterproof.evidence.EvidenceService evidence;

    @Test
    void an_auditor_generates_a_pack_and_downloads_it_with_the_digest_the_locker_shows() throws Exception {
        if (AsAdmin.admin(() -> users.find("evidence-auditor")).isEmpty()) {
            AsAdmin.admin(() -> users.create(
                    new NewUser("evidence-auditor", "Evidence Auditor", "auditor passphrase 3", Role.AUDITOR, null)));
        }
        var cluster = clusters.manifests("evidence-journey", Path.of("src/main/resources/demo/cluster"));
        clusters.latestAssessment(clusters.collect(cluster).snapshotId());

        try (var browser = new Browser(port)) {
            var page = browser.signIn("evidence-auditor", "auditor passphrase 3");
            page.navigate(browser.url("/evidence"));
            page.waitForSelector("#export-generate");
            page.click("#export-generate");
            var link = page.locator("vaadin-grid-cell-content a:has-text('Download')")
                    .first();
            link.waitFor();
            Browser.screenshot(page, "evidence-1-locker");

            var digest = page.locator("vaadin-grid-cell-content span.cp-formula")
                    .first()
                    .textContent()
                    .trim();
            var download = page.waitForDownload(link::click);
            var file = download.path();
            assertThat(download.suggestedFilename()).startsWith("evidence-").endsWith(".zip");
            assertThat(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
                    .isEqualTo(digest);
        }
    }
}
