package io.roundtable.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A game author's first steps, for real: the archetype generates a standalone project into a folder
 * outside this build; the generated README's test command builds it against the artifacts of this
 * very build and runs its tests (scenarios, random play with the leak checker, a whole game over REST);
 * the README's run command starts it in dev mode, on a port of its own, where it serves the game, the
 * browser UI and sockets from its own page, and a Ctrl+C stops it with nothing logged at WARN or ERROR
 * from the start to the stop. Maven runs offline here: everything it needs is already in
 * the local repository, so this test sends traffic to loopback only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedProjectIT {
    static final Path WORK = Path.of("target", "generated").toAbsolutePath();
    static final Path PROJECT = WORK.resolve("liars-dice");
    static final String MAVEN = Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
    static final String REPOSITORY = System.getProperty("maven.repo.local");
    /** What this test adds to the README's commands: the same local repository, offline, batch mode. */
    static final String OFFLINE = " -o -B -Dmaven.repo.local=" + REPOSITORY;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final Path DEV_LOG = WORK.resolve("dev.log");

    static Readme readme;
    /** The generated project in dev mode, once the third test has started it. */
    static String devBase;

    @BeforeAll
    static void generate() throws Exception {
        Files.createDirectories(WORK);
        Processes.delete(PROJECT);
        int exit = Processes.run(WORK, WORK.resolve("generate.log"), Duration.ofMinutes(3), MAVEN, "-o", "-B",
                "-Dmaven.repo.local=" + REPOSITORY,
                "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate",
                "-DarchetypeGroupId=io.roundtable", "-DarchetypeArtifactId=roundtable-game-archetype",
                "-DarchetypeVersion=" + System.getProperty("roundtable.version"),
                "-DgroupId=org.example", "-DartifactId=liars-dice", "-Dversion=1.0-SNAPSHOT",
                "-Dpackage=org.example.dice", "-DinteractiveMode=false");
        assertThat(exit).as("archetype:generate (see target/generated/generate.log)").isZero();
        readme = Readme.of(PROJECT.resolve("README.md"));
    }

    @AfterAll
    static void stopDevMode() {
        Processes.stopAll();
    }

    @Test
    @Order(1)
    void the_project_has_the_rules_the_tests_and_a_readme_with_two_commands() {
        for (String file : List.of("pom.xml", "mvnw", ".mvn/bootstrap-pom.xml", ".gitignore",
                "src/main/java/org/example/dice/OddOrEven.java", "src/test/java/org/example/dice/PlayOverRestTest.java",
                "src/main/resources/META-INF/services/io.roundtable.core.spi.GameRules")) {
            assertThat(PROJECT.resolve(file)).as(file).isRegularFile();
        }
        assertThat(PROJECT.resolve("mvnw")).isExecutable();
        assertThat(readme.command("Play it")).isEqualTo("./mvnw quarkus:dev");
        assertThat(readme.command("Test it")).isEqualTo("./mvnw verify");
        assertThat(readme.text()).doesNotContain("${").as("every archetype property was filled in");
    }

    @Test
    @Order(2)
    void the_readmes_test_command_builds_it_and_its_tests_pass_a_whole_game_over_rest_included() throws Exception {
        int exit = Processes.run(PROJECT, WORK.resolve("verify.log"), Duration.ofMinutes(8), "bash", "-c",
                readme.command("Test it") + OFFLINE);
        assertThat(exit).as("the generated project's verify (see target/generated/verify.log)").isZero();
        Reports reports = Reports.of(PROJECT.resolve("target/surefire-reports"));
        assertThat(reports.passed("org.example.dice.OddOrEvenTest")).isGreaterThanOrEqualTo(5);
        assertThat(reports.passed("org.example.dice.OddOrEvenRandomPlayTest")).isEqualTo(1);
        assertThat(reports.passed("org.example.dice.PlayOverRestTest")).as("a whole game over REST").isEqualTo(1);
        assertThat(reports.failedOrErrors()).isZero();
    }

    @Test
    @Order(3)
    void the_readmes_run_command_serves_the_game_the_ui_and_sockets_from_its_own_page_on_any_port() throws Exception {
        int port = Processes.freePort();
        String base = "http://localhost:" + port;
        devBase = base;
        Processes.startInForeground(PROJECT, DEV_LOG, "bash", "-c", readme.command("Play it") + OFFLINE
                + " -Dquarkus.http.port=" + port + " -Ddebug=false -Dquarkus.console.enabled=false");
        JsonNode games = awaitJson(base + "/api/games", Duration.ofMinutes(4));
        JsonNode oddEven = find(games, "oddeven");
        assertThat(oddEven).as("the generated game is offered: " + games).isNotNull();
        assertThat(oddEven.get("title").asText()).startsWith("Odd or Even");
        assertThat(get(base + "/").body()).contains("Roundtable");
        assertThat(get(base + "/js/games/generic.js").statusCode()).as("the browser UI from the runtime's jar").isEqualTo(200);

        String room = post(base + "/api/rooms", "{\"game\":\"oddeven\",\"bots\":1}").get("id").asText();
        String token = post(base + "/api/rooms/" + room + "/members", "{\"name\":\"Ann\",\"client\":\"ann\"}")
                .get("token").asText();
        String socket = "ws://localhost:" + port + "/ws/rooms/" + room + "?token=" + token;
        assertThat(firstFrame(socket, base)).as("a socket from the page's own origin, port " + port)
                .contains("\"snapshot\"");
        assertThat(refusal(socket, "http://elsewhere.test:" + port)).as("a socket from another origin")
                .isEqualTo("403 auth/forbidden_origin");
    }

    @Test
    @Order(4)
    void a_player_plays_the_generated_game_in_the_browser_through_the_generic_table() {
        assertThat(devBase).as("dev mode runs (the test before)").isNotNull();
        try (Browser ann = new Browser()) {
            ann.go(devBase + "/#/");
            ann.await("the lobby offers the game", () -> ann.exists("#create-game option[value='oddeven']"));
            ann.selectText("#create-game", find(devModeGames(), "oddeven").get("title").asText());
            ann.await("the options form drawn from the options record", () -> ann.exists("[data-option='seatLoss'] select"));
            ann.type("#name-lobby", "Ann");
            ann.type("#create-bots", "1");
            ann.click("#create-submit");
            ann.await("the room opens", () -> String.valueOf(ann.js("return location.hash")).startsWith("#/room/"));
            ann.click("#ready-toggle[aria-pressed='false']");

            ann.await("the generic table offers the pick", () -> ann.exists("[data-choice='pick'] select"));
            assertThat(ann.text("[data-choice='pick'] label")).isEqualTo("Your number");
            ann.screenshot(WORK.resolve("generic-table.png"));
            ann.selectText("[data-choice='pick'] select", "4");
            ann.click("[data-choice-button='pick']");

            ann.await("the game is over", () -> ann.exists("#outcome"));
            assertThat(ann.text("#outcome")).containsPattern("Game over\\. (Odd|Even) wins: the picks add up to \\d+\\.");
            assertThat(ann.text("[data-fact='myPick']")).as("Ann's own pick, under Only you see this").isEqualTo("4");
            String you = ann.text("[data-fact='you']");
            assertThat(you).as("seats read from 1 on the page").matches("seat [12] \\(Ann\\)");
            int seat = Character.getNumericValue(you.charAt(5)) - 1; // the wire's index
            assertThat(ann.text("[data-fact='picks." + seat + "']")).as("the seat table shows Ann's pick").isEqualTo("4");
            assertThat(ann.text("[data-fact='winner']")).as("the game's seatFields name the winner's seat")
                    .matches("seat [12] \\((Ann|Bot 1)\\)");
            assertThat(ann.exists("[data-choice]")).as("nothing more to do").isFalse();
            ann.screenshot(WORK.resolve("generic-table-end.png"));
        }
    }

    @Test
    @Order(5)
    void after_a_game_and_a_ctrl_c_the_dev_mode_console_shows_no_warning_and_no_error() throws Exception {
        assertThat(devBase).as("dev mode runs (the tests before)").isNotNull();
        JsonNode archived = JSON.readTree(get(devBase + "/api/matches?game=oddeven").body());
        assertThat(archived.get("total").asInt()).as("the browser's game was archived").isPositive();

        assertThat(Processes.interrupt(Duration.ofMinutes(1))).as("dev mode ends on Ctrl+C").isTrue();

        List<String> lines = Files.readAllLines(DEV_LOG);
        assertThat(lines).as("the application stopped (see %s)", DEV_LOG)
                .anyMatch(line -> line.contains("[io.quarkus]") && line.contains(" stopped in "));
        assertThat(lines.stream().filter(Console::warnsOrFails).filter(line -> !Console.allowed(line)))
                .as("lines at WARN or ERROR in %s, from the start to after the stop", DEV_LOG).isEmpty();
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(command -> command.contains(PROJECT.toString()) && command.contains("roundtable-dev-services")))
                .as("the embedded Redis and PostgreSQL stopped with dev mode").isEmpty();
    }

    private static JsonNode devModeGames() {
        try {
            return JSON.readTree(get(devBase + "/api/games").body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode find(JsonNode games, String id) {
        for (JsonNode game : games) {
            if (game.path("id").asText().equals(id)) {
                return game;
            }
        }
        return null;
    }

    private static JsonNode awaitJson(String url, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Processes.requireRunning("dev mode (see target/generated/dev.log)");
            try {
                HttpResponse<String> response = get(url);
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("dev mode answers " + url).isLessThan(end);
            Thread.sleep(500);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST " + url + ": " + response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** Opens a socket with this Origin and returns its first text frame. */
    private static String firstFrame(String url, String origin) throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket ws = HTTP.newWebSocketBuilder().header("Origin", origin).buildAsync(URI.create(url), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    first.complete(text.toString());
                }
                socket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        try {
            return first.get(30, TimeUnit.SECONDS);
        } finally {
            ws.abort();
        }
    }

    /** Opens a socket with this Origin, which must be refused; returns why. */
    private static String refusal(String url, String origin) throws Exception {
        try {
            WebSocket ws = HTTP.newWebSocketBuilder().header("Origin", origin)
                    .buildAsync(URI.create(url), new WebSocket.Listener() { }).get(30, TimeUnit.SECONDS);
            ws.abort();
            return "opened";
        } catch (ExecutionException refused) {
            if (refused.getCause() instanceof java.net.http.WebSocketHandshakeException handshake) {
                HttpResponse<?> response = handshake.getResponse();
                return response.statusCode() + " " + response.headers().firstValue("X-Roundtable-Error").orElse("");
            }
            return String.valueOf(refused.getCause());
        }
    }
}
