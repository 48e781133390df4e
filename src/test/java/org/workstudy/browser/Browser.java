package org.workstudy.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright (no browser download), with screenshots under target/screenshots. One
 * browser for the whole test class; each journey gets a fresh context (its own cookies), desktop or phone sized.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String baseUrl;

    Browser(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM)).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM));
    }

    Page desktop() {
        return open(1280, 860);
    }

    /** A phone-sized page (390×844, as an iPhone 13). */
    Page phone() {
        return open(390, 844);
    }

    private Page open(int width, int height) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("zh-CN").setBaseURL(baseUrl));
        return context.newPage();
    }

    static void login(Page page, String username, String password) {
        page.navigate("/login");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#login-submit");
        page.waitForLoadState();
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
