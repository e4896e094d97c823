package io.roundtable.archetype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/** A headless Chromium (the one the web demo's browser tests use: {@code apt-get install -y chromium chromium-driver}). */
final class Browser implements AutoCloseable {
    private final ChromeDriver driver;
    private final Path profile;

    Browser() {
        Path binary = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(binary) || !Files.isExecutable(chromedriver)) {
            throw new AssertionError("This test plays in Chromium, but " + binary + " or " + chromedriver
                    + " is missing. Install them with: apt-get install -y chromium chromium-driver");
        }
        try {
            profile = Files.createTempDirectory("roundtable-archetype-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build(), options);
    }

    void go(String url) {
        driver.get(url);
    }

    boolean exists(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    void click(String css) {
        await(css + " on the page", () -> exists(css));
        driver.findElement(By.cssSelector(css)).click();
    }

    void type(String css, String text) {
        await(css + " on the page", () -> exists(css));
        WebElement field = driver.findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
    }

    void selectText(String css, String visibleText) {
        await(css + " on the page", () -> exists(css));
        new Select(driver.findElement(By.cssSelector(css))).selectByVisibleText(visibleText);
    }

    Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Waited 30 s for: " + what + ". The page shows:\n"
                        + driver.findElement(By.tagName("body")).getText());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A picture of the page, for the docs (target/generated/*.png). */
    void screenshot(Path file) {
        try {
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        Processes.delete(profile);
    }
}
