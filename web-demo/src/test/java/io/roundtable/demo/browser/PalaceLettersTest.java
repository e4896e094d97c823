package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** Two people play a whole match of Palace Letters in their browsers, each seeing only their own hand. */
@QuarkusTest
class PalaceLettersTest extends BrowserTest {
    static int silentClicks;
    /** The first play the page offers: its card and, per picker, the values it lists. */
    static final String OFFER = """
            const form = document.querySelector('form.ll-option');
            const button = form?.querySelector('[data-play]');
            if (!form || !button || button.disabled) return null;
            return {card: button.dataset.play,
              pickers: [...form.querySelectorAll('select')].map((s) => ({id: s.id, values: [...s.options].map((o) => o.value)}))};
            """;

    @Test
    void two_people_play_a_whole_match_by_clicking_the_plays_their_page_offers() {
        silentClicks = 0;
        Page ann = browser();
        String room = Demo.createRoom(ann, "loveletter", "Ann", 0, p -> {
            p.await("the options form drawn from the game's options", () -> p.exists("[data-option='seatLoss'] select"));
            assertThat(p.js("return document.querySelector(\"[data-option='seatLoss'] select\").value")).isEqualTo("BOT");
            assertThat(p.js("return document.querySelector(\"[data-option='turnSeconds'] input\").value")).isEqualTo("0");
            assertThat(p.js("return document.querySelector(\"[data-option='tokensToWin'] input\").value"))
                    .as("left empty: the goal by the number of players").isEqualTo("");
            p.type("[data-option='tokensToWin'] input", "2");
        });
        Page bob = browser();
        Demo.joinFromLobby(bob, "Bob", room, false);
        Demo.ready(ann);
        Demo.ready(bob);
        List<Page> both = List.of(ann, bob);
        for (Page page : both) {
            page.await("the table shows the player's hand", () -> page.exists("#ll-hand [data-my-card]"));
        }
        assertThat(ann.texts("#ll-hand [data-my-card]").size() + bob.texts("#ll-hand [data-my-card]").size())
                .as("the player on turn holds two cards, the other one").isEqualTo(3);
        for (Page page : both) {
            assertThat(page.text("#ll-match")).isEqualTo("Round 1 · first to 2 favour tokens");
            assertThat(page.texts(".ll-seat .ll-tokens")).containsExactly("○○ 0 favour tokens", "○○ 0 favour tokens");
            assertThat(page.texts(".ll-seat .seat-name")).as("seats counted from 1")
                    .extracting(t -> t.replaceAll("\\s+", " ")).containsExactly("Ann seat 1", "Bob seat 2");
            assertThat(page.texts("#ll-log li").get(0)).isEqualTo("Round 1: a card is set aside face down. Ann plays first.");
        }

        int plays = 0;
        boolean screenshot = false;
        String between = null;
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!(ann.exists("#ll-end") && bob.exists("#ll-end"))) {
            assertThat(System.nanoTime()).as("the match ends within 120 s").isLessThan(end);
            for (Page page : both) {
                assertSeesNoOtherHand(page);
                if (between == null && page.text("#ll-match").startsWith("Round 2 ")) {
                    between = page.text("#ll-between");
                    Demo.screenshot(page, "palace-letters-round-2.png");
                }
                if (plays == 2 && !screenshot && page.exists("form.ll-option [data-play]:not([disabled])")) {
                    Demo.screenshot(page, "palace-letters.png");
                    screenshot = true;
                }
                if (playIfOffered(page, plays)) {
                    plays++;
                }
            }
            Page.pause(50);
        }

        assertThat(plays).isGreaterThanOrEqualTo(2);
        assertThat(between).as("the line between rounds 1 and 2")
                .matches("Round 1 (went to (Ann|Bob): .*|was shared by Ann and Bob: .*) Round 2 begins, (Ann|Bob) starts\\.");
        String summary = ann.text("#ll-end p.strong");
        assertThat(summary).matches("(Ann|Bob) wins the match with 2 favour tokens\\.|Ann and Bob share the match with 2 favour tokens each\\.")
                .isEqualTo(bob.text("#ll-end p.strong"));
        assertThat(ann.text("#room-phase")).isEqualTo("Finished");
        assertThat(ann.text("#ll-between")).matches("Round \\d+ .* (Ann|Bob|Ann and Bob) (wins|share) the match with 2 favour tokens\\.");
        List<Integer> tokens = new ArrayList<>();
        ann.json("[...document.querySelectorAll('.ll-seat .ll-tokens')].map((e) => Number(e.dataset.tokens))")
                .forEach(n -> tokens.add(n.asInt()));
        assertThat(tokens).as("favour tokens per seat: the winner holds the goal").hasSize(2).contains(2);
        for (Page page : both) {
            List<String> log = page.texts("#ll-log li");
            assertThat(log).as("names, not seat numbers, in the log").noneMatch(line -> line.matches("(?s).*\\b[Ss]eat \\d.*"))
                    .anyMatch(line -> line.matches("(Ann|Bob) plays the .*")) // one may win both rounds before the other plays
                    .anyMatch(line -> line.matches("Round 2: a card is set aside face down\\. (Ann|Bob) plays first\\."));
        }
        for (Page page : both) {
            List<String> mine = page.texts("#ll-log li[data-private]");
            Page other = page == ann ? bob : ann;
            List<String> theirs = other.texts("#ll-log li");
            for (String line : mine) {
                assertThat(theirs).as("a private line reaches only its reader").doesNotContain(line);
            }
            assertThat(page.texts("#ll-log li:not([data-private])")).isEqualTo(other.texts("#ll-log li:not([data-private])"));
        }

        // The end screen links to the replay, drawn with the same table component: Ann may see it as a
        // spectator or through her own eyes, not through Bob's (the server shows no other seat by default).
        int annSeat = ann.clientFrame().at("/game/you").asInt();
        ann.click("#replay-link");
        ann.await("the replay opens at its first step", () -> ann.text("#replay-step").matches("Step 0 of \\d+"));
        ann.await("the replay draws the Palace Letters table", () -> ann.exists("#replay-view .loveletter"));
        assertThat(ann.exists("#replay-view #ll-hand")).as("a spectator has no hand").isFalse();
        ann.await("the viewer can be chosen", () -> ann.enabled("#replay-viewer"));
        assertThat(Demo.replayViewers(ann)).as("a spectator's eyes and Ann's own, not Bob's, nothing revealed")
                .containsExactly("spectator", "seat:" + annSeat);
        assertThat(ann.text("#replay-viewer option[data-you]")).isEqualTo("You (seat " + (annSeat + 1) + ": Ann)");
        ann.select("#replay-viewer", "seat:" + annSeat);
        ann.await("through her own eyes, her hand", () -> ann.exists("#replay-view #ll-hand [data-my-card]"));
        assertThat(ann.exists("#replay-view [data-play]")).as("a replay offers no moves").isFalse();
    }

    /**
     * Plays the first offered card, choosing the last value of each picker; true when it played. A play
     * refused because the connection dropped for a moment is not played: the loop offers it again, as a
     * person clicks again. Any other refusal of a play the page offered is a defect, named with its sentence.
     */
    static boolean playIfOffered(Page page, int plays) {
        JsonNode offer = page.json("(() => {" + OFFER + "})()");
        if (offer == null || offer.isNull()) {
            return false;
        }
        for (JsonNode picker : offer.get("pickers")) {
            JsonNode values = picker.get("values");
            page.select("#" + picker.get("id").asText(), values.get((plays % 2 == 0 ? values.size() - 1 : 0)).asText());
        }
        String card = offer.get("card").asText();
        int errors = page.clientErrors().size();
        page.click("[data-play='" + card + "']");
        // What the page said: the refusals its client reported, and its notice (a client-side refusal such as
        // a dropped connection shows only there, for a few seconds).
        List<String> said = new ArrayList<>();
        java.util.function.BooleanSupplier answered = () -> {
            String notice = String.valueOf(page.js("return document.querySelector('#notice')?.textContent ?? ''"));
            if (!notice.isBlank() && !said.contains(notice)) {
                said.add(notice);
            }
            return !page.exists("[data-play='" + card + "']:not([disabled])") || page.exists("#ll-end")
                    || !page.text("#ll-status").startsWith("Your turn") || page.clientErrors().size() > errors
                    || !said.isEmpty();
        };
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!answered.getAsBoolean()) {
            if (System.nanoTime() > end) {
                // Nothing happened at all: the form was submitted, yet no move, no refusal, no notice. A known
                // defect whose cause is not found yet (docs/web-demo.md, Known issues): a person clicks again,
                // and so does the test, a few times at most; each one is printed.
                assertThat(++silentClicks).as("clicks on an offered play that did nothing at all").isLessThanOrEqualTo(5);
                System.out.println("[palace letters] a click on an offered play did nothing; clicking again");
                return false;
            }
            Page.pause(50);
        }
        page.clientErrors().stream().skip(errors).forEach(said::add);
        assertThat(said).as("what refused a play the page offered")
                .allMatch(e -> e.startsWith("client/offline") || e.startsWith("You are offline for a moment"));
        return said.isEmpty();
    }

    /** Before the end, neither the page nor the frame it holds shows another seat's hand. */
    static void assertSeesNoOtherHand(Page page) {
        JsonNode game = page.clientFrame().path("game");
        if (game.isMissingNode() || game.isNull() || "over".equals(game.path("phase").asText())) {
            return;
        }
        int you = game.get("you").asInt();
        for (JsonNode seat : game.get("seats")) {
            if (seat.get("seat").asInt() != you) {
                assertThat(seat.has("hand")).as("seat " + you + " is sent no other hand: " + seat).isFalse();
            }
        }
        JsonNode shown = page.json("[...document.querySelectorAll('.ll-seat:not(.mine) .ll-hand-size')].map((e) => e.textContent)");
        if (!page.exists("#ll-end")) {
            shown.forEach(text -> assertThat(text.asText()).doesNotStartWith("Hand:"));
        }
    }
}
