package io.roundtable.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.demo.support.TestPlayer;
import io.roundtable.runtime.store.RoomStore;

/**
 * Socket protocol 2 (docs/protocol.md): a change is one message per socket — the patch carries the
 * change's events, and the reply to the command of the socket that made it — while protocol 1 sockets
 * in the same room keep getting the events and the reply as messages of their own.
 */
@QuarkusTest
class SocketProtocolTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ORIGIN = RoomFlowTest.ORIGIN;

    @TestHTTPResource("/")
    URI uri;

    @Inject
    RoomStore store;

    private String base() {
        return uri.toString().replaceAll("/$", "");
    }

    @Test
    void on_protocol_2_the_movers_patch_carries_the_events_and_the_reply_and_nothing_comes_besides() {
        Table table = playing();
        long before = table.ann.version();
        table.ann.sendFrame(table.miss("a1", before));

        JsonNode patch = table.ann.awaitReceived("patch", p -> p.path("reply").path("ref").asText().equals("a1"), WAIT);
        assertThat(patch.get("from").asLong()).isEqualTo(before);
        assertThat(patch.at("/reply/ok").asBoolean()).isTrue();
        assertThat(patch.at("/reply/version").asLong()).isEqualTo(patch.get("version").asLong());
        assertThat(patch.at("/reply/type").asText()).isEqualTo("reply");
        assertThat(patch.get("events")).hasSize(1);
        assertThat(patch.at("/events/0/guessed").asInt()).isZero();

        long version = patch.get("version").asLong();
        table.bob.awaitReceived("events", e -> e.get("version").asLong() == version, WAIT);
        table.ann.ok("GET", "/view", null); // a round trip later, anything sent besides the patch has arrived
        assertThat(table.ann.received).noneMatch(m -> m.path("type").asText().equals("reply"));
        assertThat(table.ann.received).noneMatch(m -> m.path("type").asText().equals("events"));
    }

    @Test
    void on_protocol_1_the_same_change_comes_as_a_patch_then_events_then_the_reply() {
        Table table = playing();
        table.ann.sendFrame(table.miss("a1", table.ann.version()));
        JsonNode annPatch = table.ann.awaitReceived("patch", p -> p.has("reply"), WAIT);
        long version = annPatch.get("version").asLong();

        JsonNode bobPatch = table.bob.awaitReceived("patch", p -> p.get("version").asLong() == version, WAIT);
        assertThat(bobPatch.has("events")).isFalse();
        assertThat(bobPatch.has("reply")).isFalse();
        table.bob.awaitReceived("events", e -> e.get("version").asLong() == version, WAIT);

        table.bob.sendFrame(table.miss("b1", version));
        JsonNode reply = table.bob.awaitReceived("reply", r -> r.path("ref").asText().equals("b1"), WAIT);
        assertThat(reply.get("ok").asBoolean()).isTrue();
        List<String> types = TestPlayer.types(table.bob.received);
        assertThat(types.subList(types.lastIndexOf("patch"), types.size())).containsExactly("patch", "events", "reply");
        JsonNode annSecond = table.ann.awaitReceived("patch", p -> p.get("version").asLong() == reply.get("version").asLong(), WAIT);
        assertThat(annSecond.has("reply")).as("only the mover's socket gets the reply").isFalse();
        assertThat(annSecond.get("events")).hasSize(1);
    }

    @Test
    void on_protocol_2_a_refused_command_is_answered_by_a_reply_message_and_changes_nothing() {
        Table table = playing();
        long before = table.bob.version();
        table.ann.sendFrame("{\"type\":\"act\",\"action\":{\"type\":\"guess\",\"number\":5000},\"expectedVersion\":"
                + before + ",\"ref\":\"a2\"}");
        JsonNode reply = table.ann.awaitReceived("reply", r -> r.path("ref").asText().equals("a2"), WAIT);
        assertThat(reply.get("ok").asBoolean()).isFalse();
        assertThat(reply.at("/error/code").asText()).isEqualTo("guess/out_of_range");
        assertThat(table.ann.ok("GET", "/view", null).get("version").asLong()).isEqualTo(before);
    }

    private record Table(TestPlayer ann, TestPlayer bob, RoomStore store) {

        /** A guess by the seat on turn that misses (the game goes on), as an {@code act} with {@code ref}. */
        String miss(String ref, long expectedVersion) {
            var state = store.load(ann.room).await().atMost(WAIT).state();
            int target = (state.get("turn").asInt() + 1) % state.get("secrets").size();
            int wrong = (state.get("secrets").get(target).asInt() + 1) % 1000;
            return "{\"type\":\"act\",\"action\":{\"type\":\"guess\",\"number\":" + wrong
                    + "},\"expectedVersion\":" + expectedVersion + ",\"ref\":\"" + ref + "\"}";
        }
    }

    /** Ann (seat 0, protocol 2) and Bob (seat 1, protocol 1) in a game of Guess, Ann to play. */
    private Table playing() {
        String room = TestPlayer.createRoom(base(), "guess", null, 0);
        TestPlayer ann = TestPlayer.join(base(), room, "Ann", false).protocol(2).connect(ORIGIN);
        TestPlayer bob = TestPlayer.join(base(), room, "Bob", false).connect(ORIGIN);
        ann.ok("POST", "/ready", "{\"ready\":true}");
        bob.ok("POST", "/ready", "{\"ready\":true}");
        ann.awaitFrame(f -> f.at("/room/phase").asText().equals("PLAY") && f.at("/game/turn").asInt() == 0, WAIT);
        bob.awaitFrame(f -> f.at("/room/phase").asText().equals("PLAY"), WAIT);
        return new Table(ann, bob, store);
    }
}
