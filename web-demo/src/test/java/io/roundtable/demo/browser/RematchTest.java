package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Play again with the same table: at the end of a Liar's Dice game one player starts the next room, the
 * other's page offers it live, and both sit in it under their names with the same bot and options.
 */
@QuarkusTest
class RematchTest extends BrowserTest {

    @Test
    void one_player_starts_the_same_table_again_and_the_other_joins_from_the_live_offer() {
        Page ann = browser();
        Page bob = browser();
        String room = Demo.createRoom(ann, "liarsdice", "Ann", 1, p -> {
            p.await("the options form", () -> p.exists("[data-option='dice'] input"));
            p.type("[data-option='dice'] input", "1");
        });
        Demo.joinFromLink(bob, "Bob", room, false);
        Demo.ready(ann);
        Demo.ready(bob);
        playToTheEnd(ann, bob);
        Demo.screenshot(ann, "rematch-offer.png");
        assertThat(ann.exists("#rematch-start")).isTrue();
        assertThat(bob.exists("#rematch-join")).as("no offer before anyone asked").isFalse();

        ann.click("#rematch-start");
        ann.await("Ann is taken to the new room", () -> ann.hash().startsWith("#/room/")
                && !ann.room().equals(room) && ann.exists("#chat-input"));
        String next = ann.room();
        bob.await("Bob's page offers the new game live", () -> bob.exists("#rematch-join"));
        assertThat(bob.text("#rematch .rematch-text")).isEqualTo("Ann started a new game with the same table.");
        assertThat(bob.text("#rematch-join")).isEqualTo("Join the new game");
        assertThat(bob.hash()).isEqualTo("#/room/" + room);
        Demo.screenshot(bob, "rematch.png");

        bob.click("#rematch-join");
        bob.await("Bob is in the new room", () -> bob.hash().equals("#/room/" + next) && bob.exists("#chat-input"));
        bob.await("Bob's page holds the new room's frame with both players",
                () -> bob.clientFrame() != null && next.equals(bob.clientFrame().at("/room/id").asText())
                        && bob.clientFrame().at("/room/members").size() == 3);
        JsonNode frame = bob.clientFrame();
        assertThat(frame.at("/room/phase").asText()).isEqualTo("LOBBY");
        assertThat(frame.at("/room/options/dice").asInt()).isEqualTo(1);
        List<String> names = new ArrayList<>();
        frame.at("/room/members").forEach(m -> {
            names.add(m.get("name").asText() + (m.get("bot").asBoolean() ? " (bot)" : ""));
            assertThat(m.get("seat").isNull()).as(m.get("name") + " is seated").isFalse();
        });
        assertThat(names).containsExactly("Bot 1 (bot)", "Ann", "Bob");
        assertThat(bob.seat(next).get("name").asText()).isEqualTo("Bob");
        ann.await("Ann's page shows Bob in the new room", () -> ann.text(".room").contains("Bob"));
    }

    /** Whichever page may move bids the least it can or calls, until both show the end. */
    static void playToTheEnd(Page... pages) {
        int moves = 0;
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Arrays.stream(pages).allMatch(p -> p.exists("#outcome"))) {
            assertThat(System.nanoTime()).as("the game ends within a minute").isLessThan(end);
            for (Page page : pages) {
                boolean canBid = page.exists("[data-choice-button='bid']:not([disabled])");
                if (page.exists("[data-choice-button='liar']:not([disabled])") && (moves % 2 == 1 || !canBid)) {
                    page.click("[data-choice-button='liar']");
                    moves++;
                } else if (canBid) {
                    String least = String.valueOf(page.js(
                            "return document.querySelector(\"[data-param='count'] input\").min"));
                    page.type("[data-param='count'] input", least);
                    page.click("[data-choice-button='bid']");
                    moves++;
                }
            }
            Page.pause(50);
        }
    }
}
