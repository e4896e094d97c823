package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.core.json.Json;
import io.roundtable.demo.support.TestPlayer;

/** A finished Avalon game of five bots, found in the history and replayed step by step through chosen eyes. */
@QuarkusTest
class HistoryReplayTest {
    @TestHTTPResource("/")
    URI uri;

    Page page;

    @AfterEach
    void closeBrowser() {
        if (page != null) {
            page.close();
        }
    }

    String base() {
        return uri.toString().replaceAll("/$", "");
    }

    /** The archived match: its participants and their revealed roles. */
    JsonNode archived(String room) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            var response = TestPlayer.send(base(), "GET", "/api/matches/" + room, null, null);
            if (response.statusCode() == 200) {
                return Json.read(response.body(), JsonNode.class).get("match");
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

    @Test
    void the_end_screen_links_to_a_replay_that_steps_through_the_game_as_any_seat_saw_it() {
        String room = TestPlayer.createRoom(base(), "avalon", null, 5);
        page = Chromium.open(uri.toString(), 1280, 1400).go("#/watch/" + room); // tall: the screenshot shows the table
        page.await("the watcher sees the end of the bots' game", () -> page.exists("#avalon-end"));
        page.click("#replay-link");

        page.await("the replay opens at step 0", () -> stepText().matches("Step 0 of \\d+"));
        int steps = Integer.parseInt(stepText().replaceAll(".* of ", ""));
        assertThat(steps).isGreaterThan(5);
        page.await("the table is drawn", () -> page.exists("#replay-view .avalon .seats"));
        assertThat(page.text("#replay-move")).contains("before any move");
        assertThat(page.exists("#replay-view [data-my-role]")).as("a spectator sees no role").isFalse();
        String start = shownView();

        page.click("#replay-next");
        page.await("step 1", () -> stepText().equals("Step 1 of " + steps));
        page.await("the view changes", () -> !shownView().equals(start) && !shownView().isEmpty());
        assertThat(page.text("#replay-move")).startsWith("The move that led here: move 1,").contains("propose");
        assertThat(page.hash()).isEqualTo("#/replay/" + room + "?step=1&viewer=spectator");

        JsonNode match = archived(room);
        String role = match.at("/participants/2/revealed").asText();
        page.select("#replay-viewer", "seat:2");
        page.await("seat 2's own role is shown", () -> role.equals(page.attribute("#replay-view [data-my-role]", "data-my-role")));
        assertThat(stepText()).isEqualTo("Step 1 of " + steps);
        Demo.screenshot(page, "replay.png");

        page.js("const s = document.querySelector('#replay-slider'); s.value = 3; s.dispatchEvent(new Event('input'))");
        page.await("the slider moves to step 3", () -> stepText().equals("Step 3 of " + steps)
                && page.text("#replay-move").contains("move 3,"));
        page.press("#replay-next", Keys.ARROW_LEFT);
        page.await("the left arrow steps back", () -> stepText().equals("Step 2 of " + steps));

        page.click("#replay-last");
        page.await("the last step shows the end", () -> stepText().equals("Step " + steps + " of " + steps)
                && page.exists("#replay-view #avalon-end"));
        assertThat(page.enabled("#replay-next")).isFalse();
        page.click("#replay-first");
        page.await("back to the start", () -> stepText().equals("Step 0 of " + steps));

        page.select("#replay-viewer", "revealed");
        page.await("everything revealed, as JSON", () -> page.text("#replay-state").contains("\"roles\""));
    }

    @Test
    void the_history_lists_finished_matches_with_filters_and_opens_their_replay() {
        String room = TestPlayer.createRoom(base(), "avalon", null, 5);
        JsonNode match = archived(room);
        page = Chromium.open(uri.toString()).go("#/");
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
    }
}
