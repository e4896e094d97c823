package io.roundtable.demo;

import static io.roundtable.demo.support.TestPlayer.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.core.room.Room;
import io.roundtable.demo.support.TestPlayer;
import io.roundtable.runtime.store.RoomStore;

/** Members reach play through the barrier over REST and each socket carries only its own viewer's frame. */
@QuarkusTest
class RoomFlowTest {
    /** Any port of localhost is an allowed origin in the test profile. */
    static final String ORIGIN = "http://localhost:1234";
    static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI uri;

    @Inject
    RoomStore store;

    String base() {
        return uri.toString().replaceAll("/$", "");
    }

    @Test
    void two_members_reach_play_through_the_barrier_and_each_socket_carries_only_its_own_view() {
        String room = TestPlayer.createRoom(base(), "guess", null, 0);
        TestPlayer ann = TestPlayer.join(base(), room, "Ann", false).connect(ORIGIN);
        TestPlayer bob = TestPlayer.join(base(), room, "Bob", false).connect(ORIGIN);
        ann.ok("POST", "/ready", "{\"ready\":true}");
        bob.ok("POST", "/ready", "{\"ready\":true}");

        ann.awaitFrame(f -> f.at("/room/phase").asText().equals("BARRIER"), WAIT);
        ann.awaitFrame(f -> f.at("/room/phase").asText().equals("PLAY"), WAIT);
        bob.awaitFrame(f -> f.at("/room/phase").asText().equals("PLAY"), WAIT);

        Room stored = store.load(room).await().atMost(WAIT);
        JsonNode secrets = stored.state().get("secrets");
        assertThat(ann.frame().at("/game/mySecret").asInt()).isEqualTo(secrets.get(0).asInt());
        assertThat(bob.frame().at("/game/mySecret").asInt()).isEqualTo(secrets.get(1).asInt());
        assertThat(ann.frame().at("/game/revealed").isMissingNode()).isTrue();
        assertThat(ann.frame().toString()).doesNotContain("secrets");

        playToTheEnd(ann, bob);

        JsonNode annView = ann.ok("GET", "/view", null);
        ann.awaitFrame(f -> f.at("/room/version").asLong() == annView.get("version").asLong(), WAIT);
        assertThat(ann.frame()).isEqualTo(annView.get("frame"));
        assertThat(ann.frame().at("/room/phase").asText()).isEqualTo("FINISHED");
        assertThat(ann.frame().at("/game/revealed")).hasSize(2);
        assertThat(TestPlayer.types(ann.received)).contains("snapshot", "patch");
    }

    /** Both players guess in turn until the game is over, always with the version they saw. */
    static void playToTheEnd(TestPlayer... players) {
        for (int i = 0; i < 100; i++) {
            JsonNode view = players[0].ok("GET", "/view", null);
            if (view.at("/frame/room/phase").asText().equals("FINISHED")) {
                return;
            }
            int turn = view.at("/frame/game/turn").asInt();
            TestPlayer mover = List.of(players).stream()
                    .filter(p -> p.ok("GET", "/view", null).at("/frame/me/member").asText().equals(p.member)
                            && seatOf(p) == turn)
                    .findFirst().orElseThrow();
            mover.ok("POST", "/actions", "{\"action\":{\"type\":\"guess\",\"number\":" + (i % 10)
                    + "},\"expectedVersion\":" + view.get("version").asLong() + "}");
        }
        throw new AssertionError("the game did not end");
    }

    static int seatOf(TestPlayer player) {
        JsonNode frame = player.ok("GET", "/view", null).get("frame");
        for (JsonNode m : frame.at("/room/members")) {
            if (m.get("id").asText().equals(player.member)) {
                return m.get("seat").asInt();
            }
        }
        throw new AssertionError("not seated");
    }

    @Test
    void a_dropped_socket_resumes_with_the_missed_deltas_and_messages_exactly_once_in_order() {
        String room = TestPlayer.createRoom(base(), "guess", null, 0);
        TestPlayer ann = TestPlayer.join(base(), room, "Ann", false).connect(ORIGIN);
        TestPlayer bob = TestPlayer.join(base(), room, "Bob", false).connect(ORIGIN);
        ann.ok("POST", "/ready", "{\"ready\":true}");
        bob.ok("POST", "/ready", "{\"ready\":true}");
        ann.awaitFrame(f -> f.at("/room/phase").asText().equals("PLAY"), WAIT);
        bob.ok("POST", "/messages", "{\"to\":{\"kind\":\"direct\",\"member\":\"" + ann.member + "\"},\"text\":\"one\"}");
        ann.awaitFrame(f -> f.at("/me/inbox/head").asLong() == 1, WAIT);
        ann.awaitReceived("message", m -> m.at("/message/seq").asLong() == 1, WAIT);

        ann.drop();
        for (String text : List.of("two", "three", "four")) {
            bob.ok("POST", "/messages", "{\"to\":{\"kind\":\"direct\",\"member\":\"" + ann.member + "\"},\"text\":\""
                    + text + "\"}");
        }
        bob.ok("POST", "/messages", "{\"text\":\"hello room\"}");
        int received = ann.received.size();
        ann.connect(ORIGIN);

        JsonNode view = ann.ok("GET", "/view", null);
        ann.awaitFrame(f -> f.at("/room/version").asLong() == view.get("version").asLong(), WAIT);
        ann.awaitReceived("message", m -> m.at("/message/seq").asLong() == 5, WAIT);
        assertThat(ann.frame()).isEqualTo(view.get("frame"));
        List<JsonNode> resumed = ann.received.subList(received, ann.received.size());
        assertThat(TestPlayer.types(resumed)).doesNotContain("snapshot").contains("patch");
        assertThat(ann.messages.stream().map(m -> m.get("seq").asLong()).toList()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(ann.messages.stream().map(m -> m.get("text").asText()).toList())
                .containsExactly("one", "two", "three", "four", "hello room");
        assertThat(ann.messages.get(1).get("from").asText()).isEqualTo(bob.member);
    }

    @Test
    void a_client_too_far_behind_gets_a_snapshot_instead_of_deltas() {
        String room = TestPlayer.createRoom(base(), "guess", null, 0);
        TestPlayer ann = TestPlayer.join(base(), room, "Ann", false).connect(ORIGIN);
        ann.awaitFrame(f -> f.at("/room/members").size() == 1, WAIT);
        ann.drop();
        TestPlayer bob = TestPlayer.join(base(), room, "Bob", false);
        for (int i = 0; i < 40; i++) {
            bob.ok("POST", "/messages", "{\"text\":\"spam " + i + "\"}");
        }
        int before = ann.received.size();
        ann.connect(ORIGIN);
        JsonNode view = ann.ok("GET", "/view", null);
        ann.awaitFrame(f -> f.at("/room/version").asLong() == view.get("version").asLong(), WAIT);
        assertThat(TestPlayer.types(ann.received.subList(before, ann.received.size()))).contains("snapshot");
        assertThat(ann.frame()).isEqualTo(view.get("frame"));
    }

    @Test
    void a_member_who_left_has_its_socket_closed_and_its_token_refused() {
        String room = TestPlayer.createRoom(base(), "guess", null, 0);
        TestPlayer ann = TestPlayer.join(base(), room, "Ann", false).connect(ORIGIN);
        ann.awaitFrame(f -> f.at("/room/members").size() == 1, WAIT);
        ann.ok("POST", "/leave", null);
        ann.awaitClosed(WAIT);
        assertThat(ann.closeCode).isEqualTo(4401);
        JsonNode error = expect(409, ann.call("POST", "/ready", "{\"ready\":true}"));
        assertThat(error.at("/error/code").asText()).isEqualTo("room/not_member");
    }
}
