package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.core.json.Json;
import io.roundtable.demo.support.TestPlayer;

/**
 * A finished Avalon game found in the history and replayed step by step: as a spectator, who learns no
 * vote or quest card, and through the eyes of the player who played it in this browser. Other seats and
 * the fully revealed state are not offered (the server's operator did not opt in), and asking for them
 * anyway shows the server's refusal.
 */
@QuarkusTest
class HistoryReplayTest extends BrowserTest {
    Page page;

    String base() {
        return uri.toString().replaceAll("/$", "");
    }

    /** The archived match as the holder of {@code token} may know it (a spectator's without one). */
    JsonNode archived(String room, String viewer, String token) {
        String query = viewer == null ? "" : "?viewer=" + viewer;
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            var response = TestPlayer.send(base(), "GET", "/api/matches/" + room + query, null, token);
            if (response.statusCode() == 200) {
                return Json.read(response.body(), JsonNode.class);
            }
            Page.pause(100);
        }
        throw new AssertionError("match " + room + " was not archived");
    }

    String stepText() {
        return page.text("#replay-step");
    }

    /** The JSON of the step on screen, a change of which means the view changed. */
    String shownView() {
        return String.valueOf(page.js("return document.querySelector('#replay-json pre')?.textContent ?? ''"));
    }

    /** Moves the slider to {@code step} and waits until that step is shown. */
    void slideTo(int step, int steps) {
        page.js("const s = document.querySelector('#replay-slider'); s.value = arguments[0]; s.dispatchEvent(new Event('input'))",
                step);
        page.await("the slider moves to step " + step, () -> stepText().equals("Step " + step + " of " + steps)
                && page.text("#replay-move").contains("move " + step + ","));
    }

    /** The log index of the first vote in the log by a seat that {@code mine} says yes or no to. */
    static int firstVote(JsonNode moves, int seat, boolean mine) {
        for (JsonNode move : moves) {
            if ("vote".equals(move.at("/action/type").asText()) && (move.get("seat").asInt() == seat) == mine) {
                return move.get("index").asInt();
            }
        }
        throw new AssertionError("no vote " + (mine ? "by" : "other than by") + " seat " + seat + " in " + moves);
    }

    @Test
    void the_end_screen_links_to_a_replay_seen_as_a_spectator_or_through_the_players_own_eyes() {
        page = browser(1280, 1400); // tall: the screenshot shows the table
        String room = Demo.createRoom(page, "Ann", 4, p -> {
        });
        page.await("four bots sit at the table, ready", () -> page.texts(".lobby-seat .is-ready").size() == 4);
        Demo.ready(page);
        page.await("the game starts", () -> page.exists("[data-my-role]"));
        int seat = Integer.parseInt(page.attribute(".seat.mine", "data-seat"));
        AvalonTable.playToTheEnd(List.of(page), AvalonTable.Tactic.LOYAL, done -> {
        });
        page.click("#replay-link");

        page.await("the replay opens at step 0", () -> stepText().matches("Step 0 of \\d+"));
        int steps = Integer.parseInt(stepText().replaceAll(".* of ", ""));
        assertThat(steps).isGreaterThan(5);
        page.await("the table is drawn", () -> page.exists("#replay-view .avalon .seats"));
        assertThat(page.text("#replay-move")).contains("before any move");
        assertThat(page.exists("#replay-view [data-my-role]")).as("a spectator sees no role").isFalse();
        assertThat(Demo.replayViewers(page)).as("a spectator's eyes and Ann's own, nobody else's")
                .containsExactly("spectator", "seat:" + seat);
        assertThat(page.text("#replay-viewer option[data-you]")).isEqualTo("You (seat " + (seat + 1) + ": Ann)");
        String start = shownView();

        page.click("#replay-next");
        page.await("step 1", () -> stepText().equals("Step 1 of " + steps));
        page.await("the view changes", () -> !shownView().equals(start) && !shownView().isEmpty());
        assertThat(page.text("#replay-move")).startsWith("The move that led here: move 1,").contains("propose");
        assertThat(page.hash()).isEqualTo("#/replay/" + room + "?step=1&viewer=spectator");

        String token = page.seat(room).get("token").asText();
        JsonNode mine = archived(room, "seat:" + seat, token);
        int own = firstVote(mine.get("moves"), seat, true) + 1;
        int other = firstVote(mine.get("moves"), seat, false) + 1;
        slideTo(own, steps);
        assertThat(page.text("#replay-move")).as("a spectator learns that Ann voted, not how")
                .contains("Ann (seat " + (seat + 1) + ") — vote,").doesNotContain("approve").doesNotContain("reject");

        String role = mine.at("/match/participants/" + seat + "/revealed").asText();
        page.select("#replay-viewer", "seat:" + seat);
        page.await("Ann's own role is shown", () -> role.equals(page.attribute("#replay-view [data-my-role]", "data-my-role")));
        page.await("Ann sees her own vote", () -> page.text("#replay-move").contains("— vote (vote: approve),"));
        assertThat(page.exists("#replay-view #avalon-night:not([hidden])")).as("a replay is never stopped by the night").isFalse();
        assertThat(page.attribute("#replay-view .seat.mine .seat-role-mine", "data-role")).as("her role on her own seat")
                .isEqualTo(role);
        assertThat(stepText()).isEqualTo("Step " + own + " of " + steps);
        Demo.screenshot(page, "replay.png");
        slideTo(other, steps);
        assertThat(page.text("#replay-move")).as("Ann learns another seat voted, not how").contains("— vote,")
                .doesNotContain("approve").doesNotContain("reject");

        slideTo(3, steps);
        page.press("#replay-next", Keys.ARROW_LEFT);
        page.await("the left arrow steps back", () -> stepText().equals("Step 2 of " + steps));

        page.click("#replay-last");
        page.await("the last step shows the end", () -> stepText().equals("Step " + steps + " of " + steps)
                && page.exists("#replay-view #avalon-end"));
        assertThat(page.enabled("#replay-next")).isFalse();
        page.click("#replay-first");
        page.await("back to the start", () -> stepText().equals("Step 0 of " + steps));

        int someoneElse = (seat + 1) % 5;
        page.go("#/replay/" + room + "?step=0&viewer=seat:" + someoneElse);
        page.await("the server's refusal of another seat's eyes is shown", () -> page.text("#notice")
                .equals("This token is not seat " + someoneElse + "'s: only that seat's player may see this match through its eyes."));
        page.await("and the replay falls back to a spectator's eyes", () -> page.hash().endsWith("viewer=spectator")
                && page.exists("#replay-view .avalon .seats") && !page.exists("#replay-view [data-my-role]"));
    }

    @Test
    void the_history_lists_finished_matches_with_filters_and_opens_their_replay_as_a_spectator() {
        String room = TestPlayer.createRoom(base(), "avalon", null, 5);
        JsonNode match = archived(room, null, null).get("match");
        page = browser();
        page.go("#/");
        page.click("#history-link");
        page.await("the history page", () -> page.hash().startsWith("#/history") && page.exists("#history-results"));
        page.await("the match is listed", () -> page.exists("[data-match='" + room + "']"));
        assertThat(page.text("[data-match='" + room + "']")).contains(match.get("summary").asText())
                .contains(match.at("/participants/0/name").asText());
        Demo.screenshot(page, "history.png");

        page.type("#history-player", "nobody-played-as-this");
        page.click("#history-search");
        page.await("no match for an unknown player", () -> page.text("#history-status").startsWith("No finished match"));
        assertThat(page.hash()).contains("player=nobody-played-as-this");

        page.type("#history-player", match.at("/participants/1/name").asText());
        page.select("#history-game", "avalon");
        page.click("#history-search");
        page.await("the match is found by a player's name", () -> page.exists("[data-match='" + room + "']"));

        page.click("[data-replay='" + room + "']");
        page.await("its replay opens", () -> page.hash().startsWith("#/replay/" + room) && stepText().startsWith("Step 0 of"));
        page.await("the viewer can be chosen", () -> page.enabled("#replay-viewer"));
        assertThat(Demo.replayViewers(page)).as("bots' seats and everything revealed are not offered")
                .containsExactly("spectator");

        page.go("#/replay/" + room + "?step=2&viewer=revealed");
        page.await("the server's refusal of everything revealed is shown",
                () -> page.text("#notice").equals("This server does not show fully revealed replays."));
        page.await("and the step is shown as a spectator saw it", () -> page.hash().endsWith("step=2&viewer=spectator")
                && page.exists("#replay-view .avalon .seats") && !page.exists("#replay-state"));
    }

    @Test
    void a_rematch_is_linked_both_ways_in_the_replays_and_tagged_in_the_history() {
        String room = TestPlayer.createRoom(base(), "avalon", null, 5);
        archived(room, null, null);
        TestPlayer wes = TestPlayer.join(base(), room, "Wes", true);
        var asked = TestPlayer.send(base(), "POST", "/api/rooms/" + room + "/rematch", "{}", wes.token);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        String next = Json.read(asked.body(), JsonNode.class).get("room").asText();
        archived(next, null, null); // five bots: the next game plays itself to its end

        page = browser();
        page.go("#/replay/" + next);
        page.await("the replay says which match this table played before", () -> page.exists("#replay-follows"));
        assertThat(page.attribute("#replay-follows", "href")).endsWith("#/replay/" + room);
        assertThat(page.exists("#replay-followed-by")).as("nothing was played after it").isFalse();
        page.click("#replay-follows");
        page.await("the earlier match's replay links to the next one", () -> page.hash().startsWith("#/replay/" + room)
                && page.exists("#replay-followed-by"));
        assertThat(page.attribute("#replay-followed-by", "href")).endsWith("#/replay/" + next);
        assertThat(page.exists("#replay-follows")).isFalse();

        page.go("#/history?game=avalon");
        page.await("the history tags the rematch", () -> page.exists("[data-match='" + next + "'] [data-follows='" + room + "']"));
        assertThat(page.exists("[data-match='" + room + "'] [data-follows]")).isFalse();
    }
}
