package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Liar's Dice has no JavaScript of its own: the options form comes from its options record and the
 * table from its view's facts and typed youMay. A player plays a whole game against a bot with it.
 */
@QuarkusTest
class LiarsDiceTest extends BrowserTest {
    /** A seat as the generic table names it: counted from 1, with its player. */
    static final String SEAT = "seat [12] \\((Ann|Bot 1)\\)$";

    @Test
    void a_whole_game_is_played_through_the_generic_table_and_the_generic_options_form() {
        Page ann = browser();
        Demo.createRoom(ann, "liarsdice", "Ann", 1, p -> {
            p.await("the options form drawn from the options record", () -> p.exists("[data-option='dice'] input"));
            assertThat(p.js("return document.querySelector(\"[data-option='dice'] input\").value")).isEqualTo("5");
            p.type("[data-option='dice'] input", "2");
        });
        Demo.ready(ann);
        ann.await("the table shows Ann's own dice apart", () -> ann.exists("[data-fact='myDice']"));
        assertThat(ann.text("[data-fact='myDice']")).matches("[1-6], [1-6]");
        assertThat(ann.text("section.secret h3")).isEqualTo("Only you see this");
        assertThat(ann.text("[data-fact='diceLeft.0']")).isEqualTo("2");
        assertThat(ann.exists("details.view-json[open]")).as("the JSON view stays closed").isFalse();
        // The game's seatFields (/turn, /winner, /bid/seat) are shown as people count seats, with names.
        ann.await("the seat on turn is named", () -> ann.text("[data-fact='turn']").matches(SEAT));
        assertThat(ann.text("[data-fact='you']")).matches("seat [12] \\(Ann\\)");

        int moves = 0;
        boolean pictured = false;
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ann.exists("#outcome")) {
            assertThat(System.nanoTime()).as("the game ends within a minute").isLessThan(end);
            boolean canBid = ann.exists("[data-choice-button='bid']:not([disabled])");
            if (ann.exists("[data-choice-button='liar']:not([disabled])") && (moves % 2 == 1 || !canBid)) {
                ann.click("[data-choice-button='liar']");
                moves++;
            } else if (canBid) {
                if (!pictured && ann.exists("[data-fact='bid']")) {
                    assertThat(ann.text("[data-fact='bid']")).matches(SEAT.replace("$", "") + " · count \\d+ · face [2-6]");
                    Demo.screenshot(ann, "liars-dice.png");
                    pictured = true;
                }
                String least = String.valueOf(ann.js("return document.querySelector(\"[data-param='count'] input\").min"));
                ann.type("[data-param='count'] input", least);
                ann.select("[data-param='face'] select", "4"); // the option's value is its index: face 6
                ann.click("[data-choice-button='bid']");
                moves++;
            }
            Page.pause(50);
        }
        assertThat(moves).as("Ann bid or called through the buttons").isPositive();
        assertThat(ann.text("#outcome")).as("the rules' sentences count seats from 1")
                .matches("Game over\\. Seat [12] is the last one with dice\\.");
        assertThat(ann.text("[data-fact='lastCall']")).matches("Seat [12] called seat [12]'s bid of .*\\. Seat [12] loses a die\\.");
        assertThat(ann.text("[data-fact='winner']")).matches(SEAT);

        // The replay draws the same generic table, seats named, moves not offered.
        ann.click("#replay-link");
        ann.await("the replay opens at its first step", () -> ann.text("#replay-step").matches("Step 0 of \\d+"));
        ann.await("the replay draws the generic table, its seats named",
                () -> ann.exists("#replay-view .generic-table [data-fact='turn']") && ann.text("[data-fact='turn']").matches(SEAT));
        assertThat(ann.exists("#replay-view [data-choice]")).as("a replay offers no moves").isFalse();
        assertThat(ann.exists("#replay-view #generic-action")).as("nor an action box").isFalse();
        ann.click("#replay-last");
        ann.await("the last step shows the winner", () -> ann.exists("#replay-view [data-fact='winner']"));
        assertThat(ann.text("#replay-view [data-fact='winner']")).matches(SEAT);
    }
}
