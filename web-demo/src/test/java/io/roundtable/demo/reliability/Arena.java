package io.roundtable.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.json.Json;
import io.roundtable.demo.support.TestPlayer;

/**
 * What every reliability test needs: a two-player game in play, raw REST calls that never throw,
 * the room's version, readiness, and the closed list of error codes a client may ever see.
 */
final class Arena {
    static final String ORIGIN = "http://localhost:1234";
    static final Duration WAIT = Duration.ofSeconds(10);
    /** The framework's closed list, less {@code server/error}: a client must never see that one. */
    static final Set<String> FRAMEWORK_CODES = Arrays.stream(ErrorCode.values()).map(ErrorCode::code)
            .filter(code -> !code.equals(ErrorCode.SERVER_ERROR.code())).collect(Collectors.toUnmodifiableSet());

    private Arena() {
    }

    /** A typed error: a framework code, or a game's own {@code game/snake_case} code. */
    static boolean typed(String code) {
        return code != null && (FRAMEWORK_CODES.contains(code) || code.matches("(avalon|guess|loveletter|voice)/[a-z_]+"));
    }

    static String base(URI uri) {
        return uri.toString().replaceAll("/$", "");
    }

    /** A room of the test game "guess" with Ann and Bob seated and play begun. */
    static TestPlayer[] guessInPlay(String base) {
        String room = TestPlayer.createRoom(base, "guess", null, 0);
        TestPlayer ann = TestPlayer.join(base, room, "Ann", false);
        TestPlayer bob = TestPlayer.join(base, room, "Bob", false);
        ann.ok("POST", "/ready", "{\"ready\":true}");
        bob.ok("POST", "/ready", "{\"ready\":true}");
        long end = System.currentTimeMillis() + WAIT.toMillis();
        while (!ann.ok("GET", "/view", null).at("/frame/room/phase").asText().equals("PLAY")) {
            assertThat(System.currentTimeMillis()).as("play begins").isLessThan(end);
            pause(20);
        }
        return new TestPlayer[] { ann, bob };
    }

    static long version(TestPlayer member) {
        return member.ok("GET", "/view", null).get("version").asLong();
    }

    /** A REST call with raw bytes and any headers; never throws for a status. */
    static HttpResponse<String> raw(String base, String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return TestPlayer.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /** A member's JSON call with raw bytes as the body. */
    static HttpResponse<String> post(TestPlayer member, String path, byte[] body) {
        return raw(member.base, "POST", "/api/rooms/" + member.room + path, body, "Content-Type", "application/json",
                "Authorization", "Bearer " + member.token);
    }

    static HttpResponse<String> post(TestPlayer member, String path, String body) {
        return post(member, path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The error code of a refusal, asserting it is typed, carries the status its code documents, and is no 500. */
    static String refusal(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("no server error: %s", response.body()).isNotEqualTo(500);
        JsonNode body = Json.read(response.body(), JsonNode.class);
        String code = body.at("/error/code").asText(null);
        assertThat(typed(code)).as("a typed code: %s", response.body()).isTrue();
        assertThat(response.statusCode()).as("the documented status of %s", code).isEqualTo(status(code));
        return code;
    }

    /**
     * The HTTP status docs/protocol.md gives each code, read from its table (an exact code wins over a
     * {@code prefix/*} row; "everything else" is the last row), so the tests hold the server to the doc.
     */
    static int status(String code) {
        Integer wildcard = null;
        for (String[] row : STATUS_TABLE) {
            if (row[0].equals(code)) {
                return Integer.parseInt(row[1]);
            }
            if (wildcard == null && row[0].endsWith("/*") && code.startsWith(row[0].substring(0, row[0].length() - 1))) {
                wildcard = Integer.parseInt(row[1]);
            }
        }
        return wildcard != null ? wildcard : OTHERWISE;
    }

    /** (code or {@code prefix/*}, status) pairs of the protocol doc's status table, and its last row. */
    private static final java.util.List<String[]> STATUS_TABLE = new java.util.ArrayList<>();
    private static final int OTHERWISE;

    static {
        int otherwise = -1;
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(
                    java.nio.file.Path.of("..", "docs", "protocol.md"));
            int start = lines.indexOf("| codes | HTTP |");
            for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                String[] cells = lines.get(i).split("\\|");
                String status = cells[2].trim();
                if (cells[1].contains("everything else")) {
                    otherwise = Integer.parseInt(status);
                    continue;
                }
                java.util.regex.Matcher code = java.util.regex.Pattern.compile("`([^`]+)`").matcher(cells[1]);
                while (code.find()) {
                    STATUS_TABLE.add(new String[] { code.group(1), status });
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(STATUS_TABLE).as("docs/protocol.md's status table").hasSizeGreaterThan(5);
        OTHERWISE = otherwise;
        assertThat(OTHERWISE).as("docs/protocol.md's 'everything else' row").isEqualTo(409);
    }

    static void assertReady(String base) {
        HttpResponse<String> ready = raw(base, "GET", "/q/health/ready", null);
        assertThat(ready.statusCode()).as("ready: %s", ready.body()).isEqualTo(200);
        assertThat(Json.read(ready.body(), JsonNode.class).get("status").asText()).isEqualTo("UP");
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
