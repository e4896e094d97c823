package io.roundtable.demo.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The installed Chromium and chromedriver, driven by Selenium. Every browser gets a fresh profile
 * (its own localStorage), so each one is a different person. A missing browser fails the test with
 * the install command; browser tests never skip silently.
 */
public final class Chromium {
    public static final String INSTALL = "apt-get install -y chromium chromium-driver";
    static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /** Fails with a sentence naming the install command when either program is missing. */
    public static void requireInstalled(Path browser, Path driver) {
        for (Path program : new Path[] {browser, driver}) {
            if (!Files.isExecutable(program)) {
                throw new AssertionError("The browser tests need Chromium and chromedriver, but " + program
                        + " is missing. Install them with: " + INSTALL + " (as root, after apt-get update).");
            }
        }
    }

    /** A new headless browser with its own profile, at {@code width}×{@code height}. */
    public static Page open(String base, int width, int height) {
        return open(base, width, height, new String[0]);
    }

    /** The same, with more command-line switches for Chromium. */
    public static Page open(String base, int width, int height, String... switches) {
        requireInstalled(BROWSER, DRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("roundtable-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        options.addArguments(switches);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new Page(driver, base, profile);
    }

    /** Ends the browser and deletes its profile directory (a leftover one is harmless). */
    public static void quit(ChromeDriver driver, Path profile) {
        try {
            driver.quit();
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // A temporary directory; nothing depends on it being gone.
            }
        }
    }

    public static Page open(String base) {
        return open(base, 1280, 900);
    }
}
