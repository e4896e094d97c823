package io.roundtable.demo;

import static io.roundtable.demo.support.TestPlayer.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.demo.support.TestPlayer;

/** Every bad request gets its documented code, and the room stays exactly as it was. */
@QuarkusTest
class RejectionsTest {
    static final String ORIGIN = RoomFlowTest.ORIGIN;
    static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI uri;

    String base;
    String room;
    TestPlayer ann;
    TestPlayer bob;
    long version;

    @BeforeEach
    void a_game_in_play() {
        base = uri.toString().replaceAll("/$", "");
        room = TestPlayer.createRoom(base, "guess", null, 0);
        ann = TestPlayer.join(base, room, "Ann", false);
        bob = TestPlayer.join(base, room, "Bob", false);
        ann.ok("POST", "/ready", "{\"ready\":true}");
        bob.ok("POST", "/ready", "{\"ready\":true}");
        long end = System.currentTimeMillis() + 10_000;
        while (!ann.ok("GET", "/view", null).at("/frame/room/phase").asText().equals("PLAY")) {
            assertThat(System.currentTimeMillis()).isLessThan(end);
        }
        version = currentVersion();
    }

    long currentVersion() {
        return ann.ok("GET", "/view", null).get("version").asLong();
    }

    void assertRoomUnchanged() {
        assertThat(currentVersion()).isEqualTo(version);
    }

    static String code(HttpResponse<String> response) {
        return TestPlayer.expect(response.statusCode(), response).at("/error/code").asText();
    }

    TestPlayer mover() {
        int turn = ann.ok("GET", "/view", null).at("/frame/game/turn").asInt();
        return RoomFlowTest.seatOf(ann) == turn ? ann : bob;
    }

    @Test
    void a_stale_expected_version_is_refused_with_the_current_version() {
        TestPlayer mover = mover();
        mover.ok("POST", "/actions", "{\"action\":{\"type\":\"guess\",\"number\":1},\"expectedVersion\":" + version + "}");
        version = currentVersion();
        TestPlayer next = mover();
        HttpResponse<String> stale = next.call("POST", "/actions",
                "{\"action\":{\"type\":\"guess\",\"number\":1},\"expectedVersion\":" + (version - 1) + "}");
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode error = expect(409, stale).get("error");
        assertThat(error.get("code").asText()).isEqualTo("action/stale_version");
        assertThat(error.get("version").asLong()).isEqualTo(version);
        assertRoomUnchanged();
    }

    @Test
    void chat_between_seeing_and_acting_does_not_make_an_action_stale() {
        TestPlayer mover = mover();
        bob.ok("POST", "/messages", "{\"text\":\"hurry up\"}");
        mover.ok("POST", "/actions", "{\"action\":{\"type\":\"guess\",\"number\":1},\"expectedVersion\":" + version + "}");
    }

    @Test
    void a_replayed_idempotency_key_is_answered_but_applied_once() {
        TestPlayer mover = mover();
        String body = "{\"action\":{\"type\":\"guess\",\"number\":3},\"idempotencyKey\":\"try-1\"}";
        JsonNode first = mover.ok("POST", "/actions", body);
        version = currentVersion();
        JsonNode again = mover.ok("POST", "/actions", body);
        assertThat(again.get("replayed").asBoolean()).isTrue();
        assertThat(again.get("version").asLong()).isEqualTo(first.get("version").asLong());
        assertRoomUnchanged();
    }

    @Test
    void a_replayed_idempotency_key_over_the_socket_is_answered_with_replayed_true_but_applied_once() {
        TestPlayer mover = mover().connect(ORIGIN);
        String act = "{\"type\":\"act\",\"action\":{\"type\":\"guess\",\"number\":3},\"idempotencyKey\":\"sock-1\"";
        mover.sendFrame(act + ",\"ref\":\"first\"}");
        JsonNode first = mover.awaitReceived("reply", r -> r.path("ref").asText().equals("first"), WAIT);
        version = currentVersion();
        mover.sendFrame(act + ",\"ref\":\"again\"}");
        JsonNode again = mover.awaitReceived("reply", r -> r.path("ref").asText().equals("again"), WAIT);

        assertThat(first.get("ok").asBoolean()).isTrue();
        assertThat(first.path("replayed").isBoolean()).as(first.toString()).isTrue();
        assertThat(first.get("replayed").asBoolean()).isFalse();
        assertThat(again.get("ok").asBoolean()).isTrue();
        assertThat(again.path("replayed").isBoolean()).as(again.toString()).isTrue();
        assertThat(again.get("replayed").asBoolean()).isTrue();
        assertThat(again.get("version").asLong()).isEqualTo(first.get("version").asLong());
        assertRoomUnchanged();
    }

    @Test
    void a_wrong_token_a_missing_token_and_another_rooms_token_are_refused() {
        String other = TestPlayer.createRoom(base, "guess", null, 0);
        TestPlayer stranger = TestPlayer.join(base, other, "Eve", false);
        String act = "{\"action\":{\"type\":\"guess\",\"number\":1}}";
        assertThat(code(TestPlayer.send(base, "POST", "/api/rooms/" + room + "/actions", act, "garbage")))
                .isEqualTo("auth/invalid_token");
        assertThat(code(TestPlayer.send(base, "POST", "/api/rooms/" + room + "/actions", act, null)))
                .isEqualTo("auth/missing_token");
        HttpResponse<String> foreign = TestPlayer.send(base, "POST", "/api/rooms/" + room + "/actions", act, stranger.token);
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(code(foreign)).isEqualTo("auth/invalid_token");
        String forged = ann.token.substring(0, ann.token.lastIndexOf('.')).replace(ann.member, bob.member)
                + ann.token.substring(ann.token.lastIndexOf('.'));
        assertThat(code(TestPlayer.send(base, "POST", "/api/rooms/" + room + "/actions", act, forged)))
                .isEqualTo("auth/invalid_token");
        assertRoomUnchanged();
    }

    @Test
    void a_message_to_a_non_member_is_refused() {
        HttpResponse<String> response = ann.call("POST", "/messages",
                "{\"to\":{\"kind\":\"direct\",\"member\":\"m99\"},\"text\":\"psst\"}");
        assertThat(code(response)).isEqualTo("message/no_recipient");
        assertRoomUnchanged();
    }

    @Test
    void malformed_json_and_unknown_commands_are_refused_over_rest() {
        assertThat(code(ann.call("POST", "/actions", "{\"action\": {"))).isEqualTo("request/malformed");
        assertThat(code(ann.call("POST", "/commands", "{\"type\":\"teleport\"}"))).isEqualTo("request/unknown_command");
        assertThat(code(ann.call("POST", "/actions", "{\"action\":{\"type\":\"guess\",\"number\":\"x\"}}")))
                .isIn("action/malformed", "request/malformed");
        assertRoomUnchanged();
    }

    @Test
    void an_oversize_body_is_refused() {
        String big = "{\"text\":\"" + "x".repeat(70_000) + "\"}";
        HttpResponse<String> response = ann.call("POST", "/messages", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(code(response)).isEqualTo("request/too_large");
        assertRoomUnchanged();
    }

    @Test
    void a_socket_from_a_foreign_origin_or_without_a_token_is_refused_at_the_upgrade() {
        assertThatThrownBy(() -> ann.connect("https://evil.example"))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> {
                    var response = ((WebSocketHandshakeException) e.getCause()).getResponse();
                    assertThat(response.statusCode()).isEqualTo(403);
                    assertThat(response.headers().firstValue("X-Roundtable-Error")).hasValue("auth/forbidden_origin");
                });
        assertThatThrownBy(() -> TestPlayer.HTTP.newWebSocketBuilder().header("Origin", ORIGIN)
                .buildAsync(URI.create(base.replace("http", "ws") + "/ws/rooms/" + room),
                        new java.net.http.WebSocket.Listener() { }).join())
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(401));
        assertRoomUnchanged();
    }

    @Test
    void malformed_and_unknown_frames_get_typed_errors_and_the_socket_stays_open() {
        ann.connect(ORIGIN);
        ann.awaitFrame(f -> f.at("/room/version").asLong() >= version, WAIT);
        ann.sendFrame("{not json");
        ann.awaitReceived("error", e -> e.at("/error/code").asText().equals("request/malformed"), WAIT);
        ann.sendFrame("{\"type\":\"teleport\",\"ref\":\"x\"}");
        ann.awaitReceived("error", e -> e.at("/error/code").asText().equals("request/unknown_command"), WAIT);
        ann.sendFrame("{\"type\":\"ping\",\"ref\":\"p1\"}");
        ann.awaitReceived("pong", p -> p.path("ref").asText().equals("p1"), WAIT);
        ann.sendFrame("{\"type\":\"send\",\"to\":{\"kind\":\"direct\",\"member\":\"m99\"},\"text\":\"hi\",\"ref\":\"s1\"}");
        JsonNode reply = ann.awaitReceived("reply", r -> r.path("ref").asText().equals("s1"), WAIT);
        assertThat(reply.get("ok").asBoolean()).isFalse();
        assertThat(reply.at("/error/code").asText()).isEqualTo("message/no_recipient");
        assertThat(reply.has("replayed")).as("only accepted replies say whether they were replayed").isFalse();
        assertThat(ann.closeCode).isNull();
        assertRoomUnchanged();
    }

    @Test
    void a_command_over_the_socket_is_answered_like_over_rest() {
        ann.connect(ORIGIN);
        ann.sendFrame("{\"type\":\"send\",\"text\":\"hello\",\"ref\":\"c1\"}");
        JsonNode reply = ann.awaitReceived("reply", r -> r.path("ref").asText().equals("c1"), WAIT);
        assertThat(reply.get("ok").asBoolean()).isTrue();
        assertThat(reply.get("version").asLong()).isEqualTo(version + 1);
        ann.awaitReceived("message", m -> m.at("/message/text").asText().equals("hello"), WAIT);
    }

    @Test
    void an_oversize_frame_closes_the_socket_with_1009_and_changes_nothing() {
        ann.connect(ORIGIN);
        ann.awaitFrame(f -> f.at("/room/version").asLong() >= version, WAIT);
        try {
            ann.sendFrame("{\"type\":\"send\",\"text\":\"" + "x".repeat(70_000) + "\"}");
        } catch (CompletionException ignored) {
            // the server may close while the frame is still being written
        }
        ann.awaitClosed(WAIT);
        assertThat(ann.closeCode).isEqualTo(1009);
        assertRoomUnchanged();
    }

    @Test
    void a_flooding_socket_is_told_to_slow_down_then_closed() {
        ann.connect(ORIGIN);
        ann.awaitFrame(f -> f.at("/room/version").asLong() >= version, WAIT);
        ann.flood(200);
        ann.awaitReceived("error", e -> e.at("/error/code").asText().equals("rate/limited"), WAIT);
        ann.awaitClosed(WAIT);
        assertThat(ann.closeCode).isEqualTo(4429);
        assertRoomUnchanged();
    }
}
