package io.roundtable.demo.reliability;

import static io.roundtable.demo.reliability.Arena.WAIT;
import static io.roundtable.demo.reliability.Arena.post;
import static io.roundtable.demo.reliability.Arena.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.demo.support.TestPlayer;

/**
 * Nobody acts or speaks for someone else: missing, forged, foreign and revoked tokens are refused
 * over REST and at the socket's upgrade, a foreign Origin is refused, and no command can name its
 * author — a token only ever acts for its own seat.
 */
@QuarkusTest
class ImpersonationTest {
    @TestHTTPResource("/")
    URI uri;

    String base;

    @BeforeEach
    void setUp() {
        base = Arena.base(uri);
    }

    @AfterEach
    void the_server_stays_ready() {
        Arena.assertReady(base);
    }

    String ws(String room, String token) {
        return base.replaceFirst("^http", "ws") + "/ws/rooms/" + room + (token == null ? "" : "?token=" + token);
    }

    /** Opens a raw socket and expects the upgrade refused with {@code status} and {@code code}. */
    void refusedAtUpgrade(String room, String token, String origin, int status, String code) throws Exception {
        try (RawSocket raw = RawSocket.open(ws(room, token), origin)) {
            assertThat(raw.status).as("upgrade of %s", token).isEqualTo(status);
            assertThat(raw.header("X-Roundtable-Error")).isEqualTo(code);
        }
    }

    @Test
    void missing_forged_and_another_rooms_tokens_are_refused_over_rest_and_at_the_upgrade() throws Exception {
        TestPlayer[] players = Arena.guessInPlay(base);
        TestPlayer ann = players[0];
        TestPlayer bob = players[1];
        long version = Arena.version(ann);
        TestPlayer stranger = TestPlayer.join(base, TestPlayer.createRoom(base, "guess", null, 0), "Eve", false);
        String forged = ann.token.substring(0, ann.token.lastIndexOf('.')).replace(ann.member, bob.member)
                + ann.token.substring(ann.token.lastIndexOf('.'));
        String act = "/api/rooms/" + ann.room + "/messages";
        for (String token : new String[] { "garbage", forged, stranger.token, "x".repeat(300), ann.token + "x" }) {
            HttpResponse<String> response = Arena.raw(base, "POST", act, "{\"text\":\"hi\"}".getBytes(),
                    "Content-Type", "application/json", "Authorization", "Bearer " + token);
            assertThat(refusal(response)).isEqualTo("auth/invalid_token");
            refusedAtUpgrade(ann.room, token, Arena.ORIGIN, 401, "auth/invalid_token");
        }
        assertThat(refusal(Arena.raw(base, "POST", act, "{\"text\":\"hi\"}".getBytes(), "Content-Type",
                "application/json"))).isEqualTo("auth/missing_token");
        refusedAtUpgrade(ann.room, null, Arena.ORIGIN, 401, "auth/missing_token");
        refusedAtUpgrade("nosuchroom", ann.token, Arena.ORIGIN, 401, "auth/invalid_token");
        assertThat(Arena.version(ann)).isEqualTo(version);
    }

    @Test
    void a_foreign_origin_is_refused_and_a_missing_one_is_allowed_for_non_browsers() throws Exception {
        TestPlayer ann = Arena.guessInPlay(base)[0];
        for (String origin : new String[] { "https://evil.example", "http://localhost.evil.example:80", "null",
                "http://127.0.0.2:8080", "file://" }) {
            refusedAtUpgrade(ann.room, ann.token, origin, 403, "auth/forbidden_origin");
        }
        try (RawSocket raw = RawSocket.open(ws(ann.room, ann.token), null)) {
            assertThat(raw.status).isEqualTo(101);
        }
    }

    @Test
    void a_member_who_left_keeps_a_token_that_no_longer_opens_anything() throws Exception {
        String room = TestPlayer.createRoom(base, "guess", null, 0);
        TestPlayer ann = TestPlayer.join(base, room, "Ann", false);
        TestPlayer gone = TestPlayer.join(base, room, "Gus", false).connect(Arena.ORIGIN);
        gone.awaitFrame(f -> f.at("/room/members").size() == 2, WAIT);
        gone.ok("POST", "/leave", null);
        gone.awaitClosed(WAIT);
        assertThat(gone.closeCode).isEqualTo(4401);
        assertRevoked(ann, gone);
    }

    @Test
    void a_kicked_member_keeps_a_token_that_no_longer_opens_anything() throws Exception {
        String room = TestPlayer.createRoom(base, "guess", null, 0);
        TestPlayer host = TestPlayer.join(base, room, "Ann", false);
        TestPlayer kicked = TestPlayer.join(base, room, "Kim", true).connect(Arena.ORIGIN);
        kicked.awaitFrame(f -> f.at("/room/members").size() == 2, WAIT);
        host.ok("POST", "/kick", "{\"member\":\"" + kicked.member + "\"}");
        kicked.awaitClosed(WAIT);
        assertThat(kicked.closeCode).isEqualTo(4401);
        assertRevoked(host, kicked);
    }

    void assertRevoked(TestPlayer stays, TestPlayer gone) throws Exception {
        long version = Arena.version(stays);
        assertThat(refusal(gone.call("POST", "/messages", "{\"text\":\"still here?\"}"))).isEqualTo("room/not_member");
        assertThat(refusal(gone.call("POST", "/ready", "{\"ready\":true}"))).isEqualTo("room/not_member");
        assertThat(refusal(gone.call("GET", "/view", null))).isEqualTo("room/not_member");
        refusedAtUpgrade(gone.room, gone.token, Arena.ORIGIN, 401, "auth/invalid_token");
        assertThat(Arena.version(stays)).isEqualTo(version);
        assertThat(stays.ok("GET", "/view", null).at("/frame/room/members").findValuesAsText("id"))
                .doesNotContain(gone.member);
    }

    @Test
    void a_command_cannot_name_its_author_and_a_token_acts_only_for_its_own_seat() {
        TestPlayer[] players = Arena.guessInPlay(base);
        TestPlayer ann = players[0].connect(Arena.ORIGIN);
        TestPlayer bob = players[1];
        long version = Arena.version(ann);
        ann.awaitFrame(f -> f.at("/room/version").asLong() == version, WAIT);
        for (String field : new String[] { "member", "from", "seat", "sender", "author" }) {
            String name = field.equals("seat") ? "1" : "\"" + bob.member + "\"";
            assertThat(refusal(post(ann, "/actions", "{\"action\":{\"type\":\"guess\",\"number\":1},\"" + field + "\":"
                    + name + "}"))).isEqualTo("request/malformed");
            assertThat(refusal(post(ann, "/messages", "{\"text\":\"x\",\"" + field + "\":" + name + "}")))
                    .isEqualTo("request/malformed");
            assertThat(refusal(post(ann, "/commands", "{\"type\":\"ready\",\"ready\":false,\"" + field + "\":" + name
                    + "}"))).isEqualTo("request/malformed");
            assertThat(Barrier.send(ann, "{\"type\":\"send\",\"text\":\"x\",\"" + field + "\":" + name + "}", WAIT)
                    .onlyCode()).isEqualTo("request/malformed");
            Arena.pause(100);
        }
        assertThat(Arena.version(ann)).isEqualTo(version);

        // Whoever's turn it is, the other token is refused: a token acts for its own seat only.
        int turn = ann.ok("GET", "/view", null).at("/frame/game/turn").asInt();
        TestPlayer waiting = turn == 0 ? bob : ann;
        assertThat(refusal(waiting.call("POST", "/actions", "{\"action\":{\"type\":\"guess\",\"number\":1}}")))
                .isEqualTo("action/not_your_turn");
        assertThat(Arena.version(ann)).isEqualTo(version);

        // And what it sends is stamped with its own member id.
        bob.ok("POST", "/messages", "{\"text\":\"it was me\"}");
        JsonNode message = ann.awaitReceived("message", m -> m.at("/message/text").asText().equals("it was me"), WAIT);
        assertThat(message.at("/message/from").asText()).isEqualTo(bob.member);
    }

    @Test
    void signalling_needs_membership_and_voice_on_both_sides() {
        String room = TestPlayer.createRoom(base, "voice", null, 0);
        TestPlayer ann = TestPlayer.join(base, room, "Ann", false);
        TestPlayer bob = TestPlayer.join(base, room, "Bob", false);
        TestPlayer cy = TestPlayer.join(base, room, "Cy", false);
        ann.ok("POST", "/voice/join", null);
        bob.ok("POST", "/voice/join", null);
        TestPlayer outsider = TestPlayer.join(base, TestPlayer.createRoom(base, "voice", null, 0), "Eve", false);
        String signal = "{\"kind\":\"signal\",\"to\":{\"kind\":\"direct\",\"member\":\"" + bob.member + "\"},\"text\":\"offer\"}";
        long version = Arena.version(ann);
        assertThat(refusal(TestPlayer.send(base, "POST", "/api/rooms/" + room + "/messages", signal, outsider.token)))
                .isEqualTo("auth/invalid_token");
        assertThat(refusal(TestPlayer.send(base, "POST", "/api/rooms/" + room + "/messages", signal, null)))
                .isEqualTo("auth/missing_token");
        assertThat(refusal(cy.call("POST", "/messages", signal))).isEqualTo("message/signal_not_in_voice");
        assertThat(Arena.version(ann)).isEqualTo(version);
        assertThat(bob.ok("GET", "/inbox", null).get("messages")).isEmpty();
    }
}
