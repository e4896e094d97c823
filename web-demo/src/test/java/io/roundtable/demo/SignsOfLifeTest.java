package io.roundtable.demo;

import static io.roundtable.demo.support.RestMember.memberIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.roundtable.demo.support.RestMember;
import io.roundtable.demo.support.TestPlayer;
import io.roundtable.runtime.store.RoomStore;

/**
 * Every member call is a sign of life: a seat that plays without heartbeats (over REST only, or over
 * its socket without pings) stays online and keeps its seat, and a member who went away is back with
 * its next call. Presence runs on seconds here instead of the test profile's 20 s / 45 s / 90 s, so
 * that a game can outlast the grace period within a few seconds (this class alone restarts Quarkus).
 */
@QuarkusTest
@TestProfile(SignsOfLifeTest.QuickPresence.class)
class SignsOfLifeTest {
    static final Duration AWAY = Duration.ofSeconds(2);
    static final Duration GRACE = Duration.ofSeconds(5);
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Between two moves: far below the away threshold, yet a few dozen moves span the grace period. */
    static final long PAUSE_MILLIS = 100;

    public static final class QuickPresence implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "roundtable.presence.away-after", AWAY.toMillis() + "ms",
                    "roundtable.presence.offline-after", "4s",
                    "roundtable.presence.grace-period", GRACE.toMillis() + "ms",
                    "roundtable.presence.heartbeat-write-every", "500ms");
        }
    }

    @TestHTTPResource("/")
    URI uri;

    @Inject
    RoomStore store;

    @Test
    void a_seat_that_plays_only_over_rest_stays_online_and_no_bot_takes_it() {
        String room = RestMember.createRoom("guess", "{\"players\":2,\"rounds\":100}");
        RestMember ann = RestMember.join(room, "Ann");
        RestMember bob = RestMember.join(room, "Bob");
        startPlay(ann, bob);

        int moves = 0;
        Instant end = Instant.now().plus(GRACE).plusSeconds(1);
        while (Instant.now().isBefore(end)) {
            JsonNode view = ann.view();
            RestMember mover = seat(view, ann.member) == view.at("/frame/game/turn").asInt() ? ann : bob;
            RestMember other = mover == ann ? bob : ann;
            mover.post("/actions", act(guess(room, mover.member, view), view));
            moves++;
            JsonNode seenByOther = memberIn(other.view(), mover.member);
            assertThat(seenByOther.get("presence").asText()).as("%s after %d moves", mover.member, moves)
                    .isEqualTo("ONLINE");
            assertThat(seenByOther.get("standIn").asBoolean()).as("%s stood in", mover.member).isFalse();
            sleep(PAUSE_MILLIS);
        }
        JsonNode last = bob.view();
        assertThat(last.at("/frame/room/paused").asBoolean()).isFalse();
        assertThat(last.at("/frame/game/log")).as("every move was made by its player, none by a bot")
                .hasSize(moves);
    }

    @Test
    void a_member_who_went_away_is_online_again_as_soon_as_it_asks_for_its_view() {
        String room = RestMember.createRoom("guess", "{\"players\":2,\"rounds\":100}");
        RestMember ann = RestMember.join(room, "Ann");
        RestMember bob = RestMember.join(room, "Bob");
        startPlay(ann, bob);

        Instant deadline = Instant.now().plus(WAIT);
        while (!memberIn(bob.view(), ann.member).get("presence").asText().equals("AWAY")) {
            assertThat(Instant.now()).as("Ann never showed as away").isBefore(deadline);
            sleep(PAUSE_MILLIS);
        }

        JsonNode mine = ann.view();
        assertThat(memberIn(mine, ann.member).get("presence").asText()).isEqualTo("ONLINE");
        assertThat(memberIn(bob.view(), ann.member).get("presence").asText()).isEqualTo("ONLINE");
    }

    @Test
    void a_seat_that_plays_over_its_socket_without_pings_stays_online() {
        String base = uri.toString().replaceAll("/$", "");
        String room = RestMember.createRoom("guess", "{\"players\":2,\"rounds\":100}");
        TestPlayer ann = TestPlayer.join(base, room, "Ann", false).connect(RoomFlowTest.ORIGIN);
        RestMember bob = RestMember.join(room, "Bob");
        ann.sendFrame("{\"type\":\"ready\",\"ready\":true,\"ref\":\"ready\"}");
        ann.awaitReceived("reply", r -> r.path("ref").asText().equals("ready") && r.path("ok").asBoolean(), WAIT);
        bob.post("/ready", "{\"ready\":true}");
        bob.awaitPhase("PLAY");

        int moves = 0;
        Instant end = Instant.now().plus(GRACE).plusSeconds(1);
        while (Instant.now().isBefore(end)) {
            JsonNode view = bob.view();
            if (seat(view, bob.member) == view.at("/frame/game/turn").asInt()) {
                bob.post("/actions", act(guess(room, bob.member, view), view));
            } else {
                String ref = "move-" + moves;
                ann.sendFrame("{\"type\":\"act\",\"ref\":\"" + ref + "\"," + act(guess(room, ann.member, view), view)
                        .substring(1));
                JsonNode reply = ann.awaitReceived("reply", r -> r.path("ref").asText().equals(ref), WAIT);
                assertThat(reply.get("ok").asBoolean()).as(reply.toString()).isTrue();
                JsonNode seenByBob = memberIn(bob.view(), ann.member);
                assertThat(seenByBob.get("presence").asText()).as("Ann after %d moves", moves).isEqualTo("ONLINE");
                assertThat(seenByBob.get("standIn").asBoolean()).isFalse();
            }
            moves++;
            sleep(PAUSE_MILLIS);
        }
        assertThat(bob.view().at("/frame/game/log")).as("no bot moved for Ann").hasSize(moves);
    }

    /** Both get ready and the game starts once the barrier's countdown is over. */
    void startPlay(RestMember ann, RestMember bob) {
        ann.post("/ready", "{\"ready\":true}");
        bob.post("/ready", "{\"ready\":true}");
        ann.awaitPhase("PLAY");
    }

    static int seat(JsonNode view, String member) {
        return memberIn(view, member).get("seat").asInt();
    }

    /** A wrong guess at the next seat's secret (read from the store), so that the game goes on. */
    String guess(String room, String member, JsonNode view) {
        JsonNode secrets = store.load(room).await().atMost(WAIT).state().get("secrets");
        int target = (seat(view, member) + 1) % secrets.size();
        return "{\"type\":\"guess\",\"number\":" + (secrets.get(target).asInt() + 1) % 1000 + "}";
    }

    /** The body of an action made at the version of {@code view}. */
    static String act(String action, JsonNode view) {
        return "{\"action\":" + action + ",\"expectedVersion\":" + view.get("version").asLong() + "}";
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
