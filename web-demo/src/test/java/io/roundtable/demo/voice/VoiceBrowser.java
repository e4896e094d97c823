package io.roundtable.demo.voice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One person on the voice page: a headless Chromium with its own profile, a fake microphone (a beep)
 * granted without asking, and WebRTC allowed on loopback.
 */
final class VoiceBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get install -y chromium chromium-driver";
    /** Browser profiles live under target/, so a run that was killed leaves nothing in /tmp. */
    static final Path PROFILES = Path.of("target", "voice-mesh", "profiles").toAbsolutePath();

    final String name;
    private final ChromeDriver driver;
    private final Path profile;
    String room;
    String member;
    String token;

    private VoiceBrowser(String name, ChromeDriver driver, Path profile) {
        this.name = name;
        this.driver = driver;
        this.profile = profile;
    }

    /** Fails with a sentence naming the install command when the browser or its driver is missing. */
    static void requireInstalled() {
        for (Path program : List.of(CHROMIUM, DRIVER)) {
            if (!Files.isExecutable(program)) {
                throw new AssertionError("The voice mesh test drives Chromium through chromedriver, but " + program
                        + " is missing. Install both with: " + INSTALL + " (as root, after apt-get update).");
            }
        }
    }

    static VoiceBrowser open(String name) {
        requireInstalled();
        try {
            Files.createDirectories(PROFILES);
            Path profile = Files.createTempDirectory(PROFILES, name + "-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--user-data-dir=" + profile, "--use-fake-device-for-media-stream",
                    "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required",
                    "--allow-loopback-in-peer-connection", "--window-size=1280,1000"); // wide: people, voice and chat beside the table
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(45));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new VoiceBrowser(name, driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the page (a new room when {@code room} is null), enters a name, and waits for the first frame. */
    void enter(String base, String room) {
        driver.get(base + "/voice.html" + (room == null ? "" : "?room=" + room));
        var field = driver.findElement(By.id("name"));
        field.clear(); // the page prefills the name this browser used last time
        field.sendKeys(name);
        driver.findElement(By.id("enter")).click();
        awaitTrue("const p = window.voicePage; return !!(p && p.client && p.client.frame)"
                + " && !document.getElementById('voice-toggle').disabled", Duration.ofSeconds(20));
        Map<?, ?> page = (Map<?, ?>) script("""
                const p = window.voicePage;
                window.heardSpeaking = {}; // member → how often the speaking indicator lit up
                p.mesh.addEventListener('speaking', (e) => {
                  if (e.detail.speaking) heardSpeaking[e.detail.member] = (heardSpeaking[e.detail.member] || 0) + 1;
                });
                return {room: p.room, member: p.member, token: p.token};""");
        this.room = (String) page.get("room");
        this.member = (String) page.get("member");
        this.token = (String) page.get("token");
    }

    /**
     * Leaves the voice page for the demo's room page of the same room, with the same seat (the token is
     * kept per room in localStorage), and waits until its voice panel can be used.
     */
    void openRoomPage(String base) {
        driver.get(base + "/#/room/" + room);
        awaitTrue("const t = document.getElementById('voice-toggle'); return !!window.__roundtableVoice && !!t && !t.disabled"
                + " && t.offsetParent !== null", Duration.ofSeconds(20));
    }

    /** Clicks "Join voice" / "Leave voice". */
    void toggleVoice() {
        click("voice-toggle");
    }

    void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return driver.executeAsyncScript(js, args);
    }

    /**
     * Waits until {@code predicate} (a function body over {@code frame} and {@code page}) holds for this
     * page's frame, and answers the browser's clock (epoch ms) at the frame that made it true.
     */
    long awaitFrame(String predicate, Duration timeout) {
        Object at = driver.executeAsyncScript("""
                const [body, timeout, done] = arguments;
                const test = new Function('frame', 'page', body);
                const page = window.voicePage, client = page.client;
                const holds = () => { try { return !!client.frame && test(client.frame, page); } catch (e) { return false; } };
                if (holds()) { done(Date.now()); return; }
                const timer = setTimeout(() => { client.removeEventListener('frame', listener); done(null); }, timeout);
                const listener = () => {
                  if (!holds()) return;
                  clearTimeout(timer);
                  client.removeEventListener('frame', listener);
                  done(Date.now());
                };
                client.addEventListener('frame', listener);
                """, predicate, timeout.toMillis());
        if (at == null) {
            throw new IllegalStateException(name + ": no frame where {" + predicate + "} within " + timeout);
        }
        return ((Number) at).longValue();
    }

    void awaitTrue(String js, Duration timeout, Object... args) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(script(js, args))) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(name + ": {" + js + "} still false after " + timeout);
            }
            sleep(100);
        }
    }

    /** The mesh's getStats summary per peer (state, bytes and packets each way, candidate pair). */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> stats() {
        return (Map<String, Map<String, Object>>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.voicePage.mesh.stats().then(done, (e) => done({error: String(e)}));");
    }

    void screenshot(Path file) throws IOException {
        Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    List<String> console() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(e -> e.getLevel() + " " + e.getMessage())
                    .toList();
        } catch (RuntimeException e) {
            return List.of("(no console log: " + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        io.roundtable.demo.browser.Chromium.quit(driver, profile);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
