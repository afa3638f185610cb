package io.clusterproof.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Debian's Chromium driven by Playwright: no browser download, no network beyond loopback. */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final int port;

    Browser(int port) {
        this.port = port;
        this.playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(ARGS));
    }

    /** Journeys run wherever Chromium is installed; under {@code CI=true} a missing Chromium fails them. */
    static boolean available() {
        return Files.isExecutable(CHROMIUM) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    Page newPage() {
        return newPage(1400, 900);
    }

    Page newPage(int width, int height) {
        var page = chromium.newContext(new NewContextOptions().setViewportSize(width, height))
                .newPage();
        page.setDefaultTimeout(30_000);
        return page;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    Page signIn(String username, String password) {
        return signIn(username, password, 1400, 900);
    }

    Page signIn(String username, String password, int width, int height) {
        var page = newPage(width, height);
        page.navigate(url("/"));
        page.waitForURL("**/login");
        page.fill("#vaadinLoginUsername input", username);
        page.fill("#vaadinLoginPassword input", password);
        page.press("#vaadinLoginPassword input", "Enter");
        page.waitForSelector("#user-panel");
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/" + name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
