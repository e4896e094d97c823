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

    /** The HTTP status docs/protocol.md gives each code. */
    static int status(String code) {
        if (code.equals("request/too_large")) {
            return 413;
        }
        if (code.equals("room/not_found") || code.equals("room/unknown_game") || code.equals("request/not_found")) {
            return 404;
        }
        if (code.startsWith("request/") || code.equals("room/invalid_options") || code.equals("room/name_invalid")) {
            return 400;
        }
        if (code.equals("auth/forbidden_origin")) {
            return 403;
        }
        if (code.startsWith("auth/")) {
            return 401;
        }
        if (code.startsWith("rate/") || code.startsWith("limit/")) {
            return 429;
        }
        return 409;
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
