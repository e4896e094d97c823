package io.roundtable.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.core.json.Json;
import io.roundtable.demo.support.LogRecorder;
import io.roundtable.demo.support.TestPlayer;

/**
 * A game whose last move is made by its turn timer: the sweeper's tick makes the move, and both the move's
 * commit and the sweeper's look at the finished room archive it. It is archived once, and nothing in the
 * log warns about it (the second archiver used to collide with the first on the primary key).
 */
@QuarkusTest
class TurnTimerFinishTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ORIGIN = "http://localhost:1234";

    @TestHTTPResource("/")
    URI uri;

    @Test
    void a_game_ended_by_its_turn_timer_is_archived_once_and_nothing_warns() throws Exception {
        String base = uri.toString().replaceAll("/$", "");
        try (LogRecorder log = LogRecorder.start()) {
            String room = TestPlayer.createRoom(base, "guess", "{\"players\":2,\"rounds\":1,\"turnMillis\":100}", 0);
            TestPlayer ann = TestPlayer.join(base, room, "Ann", false).connect(ORIGIN);
            TestPlayer bob = TestPlayer.join(base, room, "Bob", false).connect(ORIGIN);
            ann.ok("POST", "/ready", "{\"ready\":true}");
            bob.ok("POST", "/ready", "{\"ready\":true}");

            // Nobody guesses: the timer guesses for Ann, then for Bob, and that ends the game.
            ann.awaitFrame(f -> f.at("/room/phase").asText().equals("FINISHED"), WAIT);
            JsonNode detail = awaitArchived(base, room);
            assertThat(detail.at("/match/moves").asInt()).as("the two guesses the timer made").isGreaterThanOrEqualTo(2);
            Thread.sleep(2_000); // the sweeper's own look at the finished room comes on its next tick

            JsonNode page = Json.read(TestPlayer.send(base, "GET", "/api/matches?game=guess&size=100", null, null).body(),
                    JsonNode.class);
            assertThat(page.get("items").findValuesAsText("id").stream().filter(room::equals)).as("listed once").hasSize(1);
            assertThat(log.warnings()).as("what was logged at WARN or above while the game ran").isEmpty();
        }
    }

    private static JsonNode awaitArchived(String base, String room) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            var response = TestPlayer.send(base, "GET", "/api/matches/" + room, null, null);
            if (response.statusCode() == 200) {
                return Json.read(response.body(), JsonNode.class);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("match " + room + " was not archived");
    }
}
