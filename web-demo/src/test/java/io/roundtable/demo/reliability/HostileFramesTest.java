package io.roundtable.demo.reliability;

import static io.roundtable.demo.reliability.Arena.WAIT;
import static io.roundtable.demo.reliability.Arena.nested;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.core.json.Json;
import io.roundtable.demo.support.TestPlayer;

/**
 * Hostile socket frames: unreadable ones get a typed {@code error} frame and the socket stays open;
 * limits close with their documented codes (1009 too big, 4429 flooding) and only that socket.
 * The room's version does not move and the server stays ready.
 */
@QuarkusTest
class HostileFramesTest {
    @TestHTTPResource("/")
    URI uri;

    String base;
    TestPlayer ann;
    TestPlayer bob;
    long version;

    @BeforeEach
    void a_game_in_play_with_both_sockets_open() {
        base = Arena.base(uri);
        TestPlayer[] players = Arena.guessInPlay(base);
        ann = players[0].connect(Arena.ORIGIN);
        bob = players[1].connect(Arena.ORIGIN);
        version = Arena.version(ann);
        ann.awaitFrame(f -> f.at("/room/version").asLong() == version, WAIT);
    }

    @AfterEach
    void the_server_stays_ready() {
        Arena.assertReady(base);
    }

    void assertRoomUnchanged() {
        assertThat(Arena.version(ann)).as("the room's version").isEqualTo(version);
    }

    void expectEach(List<String> frames, String... codes) {
        for (String frame : frames) {
            Barrier.Answer answer = Barrier.send(ann, frame, WAIT);
            assertThat(answer.closeCode()).as("the socket stays open after %s", Barrier.abbreviate(frame)).isNull();
            assertThat(answer.onlyCode()).as(Barrier.abbreviate(frame)).isIn((Object[]) codes);
            Arena.pause(60); // stay under roundtable.ws.frames-per-second
        }
    }

    @Test
    void malformed_json_and_ten_thousand_nested_arrays_get_request_malformed_and_the_socket_stays_open() {
        expectEach(List.of(nested(10_000), "{\"type\":\"act\",\"action\":" + nested(10_000) + "}",
                "{\"type\":\"act\",\"action\":{\"type\":\"guess\",\"number\":" + nested(65) + "}}",
                "{not json", "", "null", "{\"type\":\"ping\"} trailing", "{\"type\":\"ping\",\"type\":\"act\"}"),
                "request/malformed");
        assertRoomUnchanged();
    }

    @Test
    void huge_numbers_as_a_version_a_sequence_or_a_seat_are_malformed() {
        expectEach(List.of(
                "{\"type\":\"act\",\"action\":{\"type\":\"guess\",\"number\":1},\"expectedVersion\":1e999999}",
                "{\"type\":\"act\",\"action\":{\"type\":\"guess\",\"number\":1},\"expectedVersion\":99999999999999999999999}",
                "{\"type\":\"sync\",\"version\":1e999999}",
                "{\"type\":\"sync\",\"inbox\":99999999999999999999999}",
                "{\"type\":\"ack\",\"upTo\":" + "9".repeat(5_000) + "}"), "request/malformed");
        // Inside the action (free JSON for the transport) the game's own reading refuses it.
        expectEach(List.of("{\"type\":\"act\",\"action\":{\"type\":\"guess\",\"number\":1e999999}}",
                "{\"type\":\"act\",\"action\":{\"type\":\"guess\",\"number\":99999999999999999999999}}"),
                "action/malformed", "action/not_your_turn");
        assertRoomUnchanged();
    }

    @Test
    void wrong_types_unknown_fields_and_unknown_commands_get_their_typed_errors() {
        expectEach(List.of("{\"type\":\"ready\",\"ready\":\"yes\"}", "{\"type\":\"ack\",\"upTo\":\"ten\"}",
                "{\"type\":\"send\",\"text\":[\"a\"]}", "{\"type\":\"send\",\"to\":\"room\",\"text\":\"a\"}",
                "{\"type\":\"send\",\"to\":{\"kind\":\"everyone\"},\"text\":\"a\"}",
                "{\"type\":\"ping\",\"sudo\":true}", "[{\"type\":\"ping\"}]"), "request/malformed");
        expectEach(List.of("{\"type\":\"teleport\"}", "{\"type\":42}", "{}", "{\"type\":\"snapshot\",\"version\":1}"),
                "request/unknown_command");
        expectEach(List.of("\"ping\"", "42"), "request/unknown_command", "request/malformed");
        expectEach(List.of("{\"type\":\"act\",\"action\":\"guess\"}", "{\"type\":\"act\",\"action\":{\"type\":\"x\"}}"),
                "action/malformed", "action/not_your_turn");
        assertRoomUnchanged();
    }

    @Test
    void an_oversize_frame_closes_only_that_socket_with_1009() {
        try {
            ann.sendFrame("{\"type\":\"send\",\"text\":\"" + "x".repeat(70_000) + "\"}");
        } catch (CompletionException ignored) {
            // the server may close while the frame is still being written
        }
        ann.awaitClosed(WAIT);
        assertThat(ann.closeCode).isEqualTo(1009);
        assertThat(Barrier.send(bob, "{\"type\":\"ping\",\"ref\":\"still\"}", WAIT).frames())
                .anySatisfy(f -> assertThat(f.path("ref").asText()).isEqualTo("still"));
        assertRoomUnchanged();
    }

    @Test
    void a_flooding_socket_is_rate_limited_then_closed_with_4429_and_its_peer_is_unaffected() {
        ann.flood(300);
        ann.awaitReceived("error", e -> e.at("/error/code").asText().equals("rate/limited"), WAIT);
        ann.awaitClosed(WAIT);
        assertThat(ann.closeCode).isEqualTo(4429);
        assertThat(ann.received).noneSatisfy(f -> assertThat(f.at("/error/code").asText()).isEqualTo("server/error"));
        assertThat(Barrier.send(bob, "{\"type\":\"ping\",\"ref\":\"calm\"}", WAIT).closeCode()).isNull();
        assertRoomUnchanged();
    }

    @Test
    void invalid_utf8_in_a_text_frame_is_never_stored_as_raw_bytes_and_never_breaks_the_room() throws Exception {
        String ws = base.replaceFirst("^http", "ws") + "/ws/rooms/" + ann.room + "?token=" + bob.token + "&version="
                + version;
        try (RawSocket raw = RawSocket.open(ws, Arena.ORIGIN)) {
            assertThat(raw.status).isEqualTo(101);
            byte[] prefix = "{\"type\":\"send\",\"ref\":\"u1\",\"text\":\"a".getBytes(StandardCharsets.US_ASCII);
            byte[] frame = new byte[prefix.length + 6];
            System.arraycopy(prefix, 0, frame, 0, prefix.length);
            byte[] tail = { (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 'b', '"', '}' };
            System.arraycopy(tail, 0, frame, prefix.length, tail.length);
            raw.sendText(frame);
            JsonNode reply = null;
            for (String text; reply == null && (text = raw.nextText(10_000)) != null; ) {
                JsonNode node = Json.read(text, JsonNode.class);
                reply = node.path("type").asText().equals("reply") || node.path("type").asText().equals("error") ? node : null;
            }
            assertThat(raw.closeCode).as("no close for bad bytes").isNull();
            assertThat(reply).as("an answer").isNotNull();
            if (reply.path("ok").asBoolean()) {
                // What happens today: Vert.x decodes the frame leniently, each bad byte becomes U+FFFD (see docs/reliability.md).
                JsonNode inbox = ann.ok("GET", "/inbox", null).get("messages");
                assertThat(inbox.get(inbox.size() - 1).get("text").asText()).isEqualTo("a\uFFFD\uFFFD\uFFFDb");
                version = reply.get("version").asLong();
            } else {
                assertThat(reply.at("/error/code").asText()).isEqualTo("request/malformed");
            }
            raw.sendFrame(true, 0x2, "{\"type\":\"ping\",\"ref\":\"bin\"}".getBytes(StandardCharsets.UTF_8));
            raw.sendText("{\"type\":\"ping\",\"ref\":\"after\"}");
            String next = raw.nextText(10_000);
            assertThat(next).as("binary frames are not commands: the next answer is to the text ping").contains("\"after\"");
        }
        assertRoomUnchanged();
    }
}
