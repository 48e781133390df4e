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
 * Every console error and uncaught script error of every page is kept ({@link #consoleProblems()}): a
 * Content-Security-Policy violation is one, and {@link BrowserJourney} fails the test on any.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String baseUrl;
    private final List<String> consoleProblems = new java.util.concurrent.CopyOnWriteArrayList<>();

    Browser(int port) {
        this(port, List.of());
    }

    /** With more Chromium switches (a fake camera fed from a file, for the check-in journey). */
    Browser(int port, List<String> moreArgs) {
        this.baseUrl = "http://localhost:" + port;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        List<String> args = new java.util.ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"));
        args.addAll(moreArgs);
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM)).setHeadless(true).setArgs(args));
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
        context.onPage(this::watch);
        return context.newPage();
    }

    /** A page of its own context with the given Accept-Language (no language cookie). */
    Page desktopIn(String acceptLanguage) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 860).setLocale(acceptLanguage.split("[,;]")[0]).setBaseURL(baseUrl)
                .setExtraHTTPHeaders(Map.of("Accept-Language", acceptLanguage)));
        context.onPage(this::watch);
        return context.newPage();
    }

    private final List<Page> pages = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void watch(Page page) {
        pages.add(page);
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !expectedHttpError(m.text())) {
                consoleProblems.add(page.url() + ": " + m.text());
            }
        });
        page.onPageError(e -> consoleProblems.add(page.url() + ": uncaught " + e));
    }

    /**
     * Chromium reports every 4xx answer of a page it was sent to as "Failed to load resource"; a journey that checks a
     * refusal (403, 404, 422) expects exactly that. Any other failed resource (script, style, image) is a problem.
     */
    private static boolean expectedHttpError(String text) {
        return text.startsWith("Failed to load resource: the server responded with a status of 4");
    }

    /** The console errors, uncaught script errors and CSP violations seen since the last call; forgets them. */
    List<String> consoleProblems() {
        // a round trip to each open page delivers the console events still on their way
        for (Page p : pages) {
            if (p.isClosed()) {
                pages.remove(p);
            } else {
                try {
                    p.evaluate("0");
                } catch (com.microsoft.playwright.PlaywrightException navigating) {
                    // the page is on its way elsewhere; its events came with the navigation
                }
            }
        }
        List<String> out = List.copyOf(consoleProblems);
        consoleProblems.clear();
        return out;
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
