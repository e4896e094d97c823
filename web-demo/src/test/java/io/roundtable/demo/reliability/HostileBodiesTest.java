package io.roundtable.demo.reliability;

import static io.roundtable.demo.reliability.Arena.nested;
import static io.roundtable.demo.reliability.Arena.post;
import static io.roundtable.demo.reliability.Arena.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.core.json.Json;
import io.roundtable.demo.support.TestPlayer;

/**
 * Hostile REST bodies: each gets its documented typed error and status, never {@code server/error};
 * the room's version does not move and the server stays ready.
 */
@QuarkusTest
class HostileBodiesTest {
    @TestHTTPResource("/")
    URI uri;

    String base;
    TestPlayer ann;
    TestPlayer bob;
    long version;

    @BeforeEach
    void a_game_in_play() {
        base = Arena.base(uri);
        TestPlayer[] players = Arena.guessInPlay(base);
        ann = players[0];
        bob = players[1];
        version = Arena.version(ann);
    }

    @AfterEach
    void the_server_stays_ready() {
        Arena.assertReady(base);
    }

    void assertRoomUnchanged() {
        assertThat(Arena.version(ann)).as("the room's version").isEqualTo(version);
    }

    /** Sends each body to its path and expects one of the codes; returns nothing, asserts everything. */
    void expect(Map<String, String> bodiesByPath, String... codes) {
        expect(ann, bodiesByPath, codes);
    }

    static void expect(TestPlayer who, Map<String, String> bodiesByPath, String... codes) {
        bodiesByPath.forEach((body, path) -> assertThat(refusal(post(who, path, body))).as("%s %s", path,
                body.length() > 80 ? body.substring(0, 80) + "…" : body).isIn((Object[]) codes));
    }

    /** The member whose turn it is. */
    TestPlayer mover() {
        JsonNode frame = ann.ok("GET", "/view", null).get("frame");
        int turn = frame.at("/game/turn").asInt();
        for (JsonNode m : frame.at("/room/members")) {
            if (m.get("seat").asInt(-1) == turn) {
                return m.get("id").asText().equals(ann.member) ? ann : bob;
            }
        }
        throw new AssertionError("nobody's turn");
    }

    @Test
    void an_oversize_body_is_refused_with_413_whether_its_length_is_announced_or_streamed() {
        String big = "{\"text\":\"" + "x".repeat(200_000) + "\"}";
        HttpResponse<String> announced = post(ann, "/messages", big);
        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(refusal(announced)).isEqualTo("request/too_large");

        HttpResponse<String> streamed = chunked("/messages", big.getBytes(StandardCharsets.UTF_8));
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(refusal(streamed)).isEqualTo("request/too_large");

        // Over quarkus.http.limits.max-body-size (1 MiB) Vert.x itself answers 413 before any of our code runs.
        HttpResponse<String> huge = chunked("/messages", ("{\"text\":\"" + "x".repeat(2_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertRoomUnchanged();
    }

    HttpResponse<String> chunked(String path, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/rooms/" + ann.room + path))
                .timeout(Arena.WAIT).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ann.token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        try {
            return TestPlayer.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ten_thousand_nested_arrays_are_malformed_wherever_they_are_put() {
        String deep = nested(10_000);
        expect(Map.of(deep, "/commands",
                "{\"action\":" + deep + "}", "/actions",
                "{\"type\":\"act\",\"action\":{\"type\":\"guess\",\"number\":" + deep + "}}", "/commands",
                "{\"to\":" + deep + ",\"text\":\"x\"}", "/messages"), "request/malformed");
        HttpResponse<String> create = Arena.raw(base, "POST", "/api/rooms",
                ("{\"game\":\"avalon\",\"options\":" + deep + "}").getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        assertThat(refusal(create)).isEqualTo("request/malformed");
        // Shallower than the REST reader's limit but deeper than the core's 64: the game refuses the action's shape.
        expect(mover(), Map.of("{\"action\":{\"type\":\"guess\",\"number\":" + nested(100) + "}}", "/actions"),
                "action/malformed");
        assertRoomUnchanged();
    }

    @Test
    void huge_numbers_as_a_version_a_sequence_or_a_seat_are_refused_as_malformed() {
        String digits = "9".repeat(5_000);
        expect(Map.of(
                "{\"action\":{\"type\":\"guess\",\"number\":1},\"expectedVersion\":1e999999}", "/actions",
                "{\"action\":{\"type\":\"guess\",\"number\":1},\"expectedVersion\":99999999999999999999999}", "/actions",
                "{\"upTo\":1e999999}", "/inbox/ack",
                "{\"upTo\":99999999999999999999999}", "/inbox/ack",
                "{\"upTo\":" + digits + "}", "/inbox/ack",
                "{\"type\":\"sync\",\"version\":-1e999999}", "/commands"), "request/malformed", "request/unknown_command");
        expect(mover(), Map.of(
                "{\"action\":{\"type\":\"guess\",\"number\":1e999999}}", "/actions",
                "{\"action\":{\"type\":\"guess\",\"number\":99999999999999999999999}}", "/actions",
                "{\"action\":{\"type\":\"guess\",\"number\":-1e999999}}", "/actions"), "action/malformed");
        assertRoomUnchanged();
    }

    @Test
    void wrong_types_unknown_fields_and_unknown_commands_get_their_typed_errors() {
        expect(Map.of(
                "{\"ready\":\"yes\"}", "/ready",
                "[true]", "/ready",
                "{\"upTo\":\"ten\"}", "/inbox/ack",
                "{\"text\":[\"a\"]}", "/messages",
                "{\"to\":\"room\",\"text\":\"a\"}", "/messages",
                "{\"to\":{\"kind\":\"direct\",\"member\":{\"id\":\"m1\"}},\"text\":\"a\"}", "/messages",
                "{\"ready\":true,\"sudo\":true}", "/ready",
                "{\"type\":\"ready\",\"ready\":true,\"admin\":1}", "/commands",
                "{\"to\":{\"kind\":\"everyone\"},\"text\":\"a\"}", "/messages"), "request/malformed");
        expect(Map.of(
                "{\"type\":\"teleport\"}", "/commands",
                "{\"type\":42}", "/commands",
                "{}", "/commands",
                "{\"type\":\"snapshot\",\"version\":1}", "/commands"), "request/unknown_command");
        expect(mover(), Map.of(
                "{\"action\":\"guess\"}", "/actions",
                "{\"action\":[\"guess\",1]}", "/actions",
                "{\"action\":{\"type\":\"teleport\"}}", "/actions",
                "{\"action\":{\"type\":\"guess\",\"number\":\"one\"}}", "/actions",
                "{\"action\":{\"type\":\"guess\",\"number\":1,\"seat\":1}}", "/actions"), "action/malformed");
        HttpResponse<String> text = Arena.raw(base, "POST", "/api/rooms/" + ann.room + "/ready",
                "{\"ready\":true}".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain",
                "Authorization", "Bearer " + ann.token);
        assertThat(refusal(text)).isEqualTo("request/invalid");
        assertRoomUnchanged();
    }

    @Test
    void invalid_utf8_in_a_body_is_malformed() {
        byte[][] bodies = {
                { '{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'a', (byte) 0xff, (byte) 0xfe, '"', '}' },
                { '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xc3, '(', '"', '}' },
                { '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}' },
                { '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80,
                        (byte) 0x80, '"', '}' } };
        for (byte[] body : bodies) {
            assertThat(refusal(post(ann, "/messages", body))).isEqualTo("request/malformed");
        }
        assertRoomUnchanged();
    }

    @Test
    void a_huge_client_id_is_refused_before_it_can_grow_the_room() {
        HttpResponse<String> join = Arena.raw(base, "POST", "/api/rooms/" + ann.room + "/members",
                ("{\"name\":\"Big\",\"spectator\":true,\"client\":\"" + "c".repeat(60_000) + "\"}").getBytes(),
                "Content-Type", "application/json");
        assertThat(refusal(join)).isEqualTo("request/invalid");
        assertRoomUnchanged();
    }

    @Test
    void script_and_markup_in_names_and_messages_are_stored_and_returned_as_plain_text() {
        String name = "<img src=x onerror=alert(1)>";
        String text = "<script>alert(\"x\")</script> & </textarea><b>bold?</b> ${7*7} {{7*7}}";
        TestPlayer eve = TestPlayer.join(base, ann.room, name, true);
        ann.ok("POST", "/messages", Json.write(Map.of("text", text)));

        HttpResponse<String> view = ann.call("GET", "/view", null);
        assertThat(view.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode members = Json.read(view.body(), JsonNode.class).at("/frame/room/members");
        assertThat(members.findValuesAsText("name")).contains(name);
        JsonNode inbox = eve.ok("GET", "/inbox", null).get("messages");
        assertThat(inbox.get(inbox.size() - 1).get("text").asText()).isEqualTo(text);
        assertThat(inbox.get(inbox.size() - 1).get("fromName").asText()).isEqualTo("Ann");
        // The browser shows both as text, never as markup: RoomShellTest
        // .a_direct_message_is_delivered_then_read_once_the_recipient_opens_the_conversation.
    }
}
