package io.roundtable.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.roundtable.demo.support.TestPlayer;

/**
 * {@code roundtable.bots.move-delay} on the real server: a bot the game awaits moves in a change of its
 * own, made by the sweeper, not in the one that made it due (the test profile's 0s elsewhere keeps the
 * other tests quick). Its own profile restarts Quarkus, so it stays one test.
 */
@QuarkusTest
@TestProfile(PacedBotsServerTest.Paced.class)
class PacedBotsServerTest {

    public static class Paced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // shorter than the sweep interval: the room's sweep is scheduled for the bots' due time
            return Map.of("roundtable.bots.move-delay", "500ms");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URI uri;

    @Test
    void a_bot_moves_after_a_delay_in_a_change_of_its_own_not_with_the_start_of_play() {
        String base = uri.toString().replaceAll("/$", "");
        String room = TestPlayer.createRoom(base, "loveletter", null, 1);
        TestPlayer ann = TestPlayer.join(base, room, "Ann", false).connect(RoomFlowTest.ORIGIN);
        ann.ok("POST", "/ready", "{\"ready\":true}");

        JsonNode annOnTurn = ann.awaitFrame(f -> f.at("/game/turn").asInt(-1) == 1, WAIT);
        JsonNode playStarted = ann.history.values().stream()
                .filter(f -> f.at("/room/phase").asText().equals("PLAY"))
                .min(Comparator.comparingLong(f -> f.at("/room/version").asLong())).orElseThrow();
        assertThat(playStarted.at("/game/turn").asInt()).as("the bot in seat 0 is on turn when play starts").isZero();
        assertThat(playStarted.at("/game/log").findValuesAsText("text")).noneMatch(line -> line.contains(" plays the "));
        assertThat(annOnTurn.at("/room/version").asLong()).as("the bot's move is a later change")
                .isGreaterThan(playStarted.at("/room/version").asLong());
        assertThat(annOnTurn.at("/game/log").findValuesAsText("text")).anyMatch(line -> line.startsWith("Seat 1 plays the "));
    }
}
