package io.roundtable.demo.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;

/**
 * One person's browser on the demo: what they see (CSS selectors on the real page) and what they
 * click. Waits poll the page; a page re-rendered under a click is simply asked again.
 */
public final class Page implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    Page(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base.replaceAll("/$", "");
        this.profile = profile;
    }

    /** Opens an address of the demo, e.g. {@code "#/"} or {@code "#/room/k3m9x2pq7a"}. */
    public Page go(String hash) {
        driver.get(base + "/" + hash);
        return this;
    }

    public void reload() {
        driver.navigate().refresh();
    }

    public String hash() {
        return String.valueOf(js("return location.hash"));
    }

    /** The room id of the room page this browser shows. */
    public String room() {
        return hash().replaceFirst("^#/(room|watch)/", "");
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A value of the page as JSON (the script returns something JSON.stringify can write). */
    public JsonNode json(String expression) {
        Object text = js("return JSON.stringify(" + expression + ")");
        return text == null ? null : Json.read(text.toString(), JsonNode.class);
    }

    public boolean exists(String css) {
        try {
            return !driver.findElements(By.cssSelector(css)).isEmpty();
        } catch (WebDriverException e) {
            return false;
        }
    }

    public boolean enabled(String css) {
        try {
            List<WebElement> found = driver.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).isEnabled();
        } catch (WebDriverException e) {
            return false;
        }
    }

    public String text(String css) {
        for (int attempt = 0; ; attempt++) {
            try {
                List<WebElement> found = driver.findElements(By.cssSelector(css));
                return found.isEmpty() ? "" : found.get(0).getText();
            } catch (WebDriverException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
    }

    public List<String> texts(String css) {
        for (int attempt = 0; ; attempt++) {
            try {
                return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
            } catch (WebDriverException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
    }

    public String attribute(String css, String name) {
        Object value = js("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                css, name);
        return value == null ? null : value.toString();
    }

    /** Clicks like a person: the element scrolled into view; asked again if the page re-rendered it. */
    public void click(String css) {
        await("'" + css + "' can be clicked", () -> enabled(css));
        WebDriverException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                WebElement element = driver.findElement(By.cssSelector(css));
                js("arguments[0].scrollIntoView({block: 'center'})", element);
                element.click();
                return;
            } catch (WebDriverException e) {
                last = e;
                pause(50);
            }
        }
        throw new AssertionError("could not click " + css, last);
    }

    /** Chooses an option of a select by its value, as a person picking from the list. */
    public void select(String css, String value) {
        await("'" + css + "' is on the page", () -> exists(css));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector(css))).selectByValue(value);
    }

    /** Types into a field, replacing what it held. */
    public void type(String css, String text) {
        await("'" + css + "' is on the page", () -> exists(css));
        WebElement field = driver.findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
    }

    /** Presses keys with an element focused, as a person at the keyboard (e.g. {@code Keys.ARROW_LEFT}). */
    public void press(String css, CharSequence... keys) {
        await("'" + css + "' is on the page", () -> exists(css));
        driver.findElement(By.cssSelector(css)).sendKeys(keys);
    }

    public void await(String what, BooleanSupplier condition) {
        await(what, WAIT, condition);
    }

    public void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (WebDriverException e) {
                // The page changed under the question; ask again.
            }
            pause(50);
        }
        String page;
        try {
            page = String.valueOf(js("return document.querySelector('main')?.innerText + '\\n' + (document.querySelector('#notice')?.innerText ?? '')"
                    + " + '\\nThe errors its client reported: ' + JSON.stringify(window.__roundtableErrors ?? [])"));
        } catch (WebDriverException e) {
            page = "(unreadable: " + e.getMessage() + ")";
        }
        throw new AssertionError("Waited " + timeout.toSeconds() + " s for: " + what + ". The page shows:\n" + page);
    }

    public void awaitElement(String css) {
        await("'" + css + "' appears", () -> exists(css));
    }

    /** The frames the page received (window.__roundtableFrames), oldest first. */
    public List<JsonNode> frames() {
        JsonNode frames = json("window.__roundtableFrames ?? []");
        return frames == null ? List.of() : Json.mapper().convertValue(frames,
                Json.mapper().getTypeFactory().constructCollectionType(List.class, JsonNode.class));
    }

    /** What the page's client reported going wrong ("code: sentence"; window.__roundtableErrors), oldest first. */
    public List<String> clientErrors() {
        JsonNode errors = json("window.__roundtableErrors ?? []");
        List<String> list = new ArrayList<>();
        if (errors != null) {
            errors.forEach(e -> list.add(e.asText()));
        }
        return list;
    }

    /** The frame the page's client holds now (snapshot plus every patch it applied). */
    public JsonNode clientFrame() {
        return json("window.__roundtable.client.frame");
    }

    /** What this browser remembers of its membership in {@code room}: token, member, spectator. */
    public JsonNode seat(String room) {
        return json("JSON.parse(localStorage.getItem('roundtable.seats') || '{}')[" + Json.write(room) + "]");
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            js("window.scrollTo(0, 0)");
            pause(150);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new AssertionError("could not save the screenshot " + file, e);
        }
    }

    /** Runs {@code script} in every document this browser opens from now on, before the page's own scripts. */
    public void beforeEveryDocument(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", script));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Chromium.quit(driver, profile);
    }
}
