package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What the room page tells people besides the game: who is really there, that a turn timer ran out and
 * who chose instead, when spectators must keep quiet, sound cues with a switch the browser remembers,
 * seats counted from 1, and a phone layout where the table, the status and the chat are each a tap away.
 */
@QuarkusTest
class RoomNewsTest extends BrowserTest {

    @Test
    void a_closed_tab_shows_offline_within_seconds_and_its_player_online_again_when_they_return() {
        Page ann = browser();
        String room = Demo.createRoom(ann, "Ann", 3, p -> { });
        Page bob = browser();
        Demo.joinFromLink(bob, "Bob", room, false);
        String bobId = bob.seat(room).get("member").asText();
        String bobDot = "[data-member='" + bobId + "'] .dot";
        ann.await("Ann sees Bob online", () -> ann.exists(bobDot + ".dot-online"));

        bob.close();
        // The silence alone would take roundtable.presence.offline-after (45 s) to say so.
        ann.await("Ann sees Bob offline soon after he closed his tab", Duration.ofSeconds(20),
                () -> ann.exists(bobDot + ".dot-offline"));
        assertThat(ann.json("window.__roundtable.client.frame.room.members").findValuesAsText("name"))
                .as("his seat is kept for his return").contains("Bob");
    }

    @Test
    void a_turn_timer_that_runs_out_says_so_and_that_the_game_chose_instead() {
        Page ann = browser();
        Demo.createRoom(ann, "loveletter", "Ann", 1, p -> {
            p.await("the options form", () -> p.exists("[data-option='turnSeconds'] input"));
            p.type("[data-option='turnSeconds'] input", "2");
        });
        Demo.ready(ann);
        ann.await("the room tells Ann her time ran out", Duration.ofSeconds(20),
                () -> ann.text("#chat-messages").contains("Time ran out for Ann: the game chose for them."));
        JsonNode line = ann.json("(() => { const li = document.querySelector('#chat-messages .message.notice');"
                + " return {text: li.textContent, from: li.querySelector('.from')?.textContent ?? null}; })()");
        assertThat(line.get("from").isNull()).as("the room speaks, not a person").isTrue();
        assertThat(line.get("text").asText()).contains("Time ran out for Ann");
    }

    @Test
    void a_spectator_is_told_to_keep_quiet_before_typing_while_the_game_wants_silence() {
        Page ann = browser();
        String room = Demo.createRoom(ann, "guess", "Ann", 0, p -> { });
        Page bob = browser();
        Demo.joinFromLink(bob, "Bob", room, false);
        Page wes = browser();
        Demo.joinFromLink(wes, "Wes", room, true);
        Demo.ready(ann);
        Demo.ready(bob);
        wes.await("the game is on", () -> wes.exists(".generic-table"));
        assertThat(wes.enabled("#chat-input")).as("spectators may chat while seat 1 guesses").isTrue();

        guess(ann);
        wes.await("Wes is told before he types that spectators must be quiet now",
                () -> !wes.enabled("#chat-input") && wes.text("#chat-closed").startsWith("Spectators cannot chat right now"));
        assertThat(bob.enabled("#chat-input")).as("players still talk").isTrue();
        guess(bob);
        wes.await("the room chat opens again for Wes", () -> wes.enabled("#chat-input"));
        wes.type("#chat-input", "Close one!");
        wes.click("#chat-send");
        ann.await("Ann reads Wes", () -> ann.text("#chat-messages").contains("Close one!"));
    }

    private static void guess(Page page) {
        page.await("a turn to guess", () -> page.exists("#generic-action")
                && page.json("window.__roundtable.client.frame.game.turn").asInt()
                        == page.json("window.__roundtable.client.frame.room.members.find((m) => m.id === window.__roundtable.member).seat").asInt());
        page.type("#generic-action", "{\"type\": \"guess\", \"number\": 1}");
        page.click(".generic-table button[type='submit']");
    }

    @Test
    void sound_cues_mark_the_start_and_your_turn_and_the_switch_is_remembered() {
        Page ann = browser();
        Demo.createRoom(ann, "liarsdice", "Ann", 1, p -> { });
        assertThat(ann.text("#sound-toggle")).isEqualTo("Sound on");
        Demo.ready(ann);
        ann.await("the game started with a cue", () -> ann.json("window.__roundtableCues ?? []").toString().contains("start"));
        ann.await("Ann's turn", () -> ann.exists("[data-choice-button='bid']:not([disabled])"));
        String least = String.valueOf(ann.js("return document.querySelector(\"[data-param='count'] input\").min"));
        ann.type("[data-param='count'] input", least);
        ann.select("[data-param='face'] select", "4"); // face 6: a bid above any standing one of that count
        ann.click("[data-choice-button='bid']");
        ann.await("Ann's next turn came with a cue", () -> ann.json("window.__roundtableCues").toString().contains("\"turn\""));
        assertThat(ann.json("window.__roundtableCues").get(0).get("cue").asText()).isEqualTo("start");
        assertThat(ann.json("window.__roundtableCues").get(0).get("played").asBoolean()).isTrue();

        ann.click("#sound-toggle");
        assertThat(ann.text("#sound-toggle")).isEqualTo("Sound off");
        ann.reload();
        ann.await("the room is back after the reload", () -> ann.exists("#sound-toggle"));
        assertThat(ann.text("#sound-toggle")).as("the browser remembers the switch").isEqualTo("Sound off");
        assertThat(ann.attribute("#sound-toggle", "aria-pressed")).isEqualTo("false");
    }

    @Test
    void on_a_phone_the_table_and_the_chat_are_a_tap_apart_and_unread_messages_show_on_the_tab() {
        Page ann = browser(390, 844);
        String room = Demo.createRoom(ann, "Ann", 3, p -> { });
        Page bob = browser();
        Demo.joinFromLink(bob, "Bob", room, false);
        Demo.ready(bob);
        Demo.ready(ann);
        ann.await("the table", () -> ann.exists(".avalon .seats"));
        assertThat(visible(ann, "#avalon-status")).isTrue();
        assertThat(visible(ann, "#tab-side")).as("a tab bar at the bottom").isTrue();
        assertThat(visible(ann, "#chat-input")).as("the chat is behind its tab, not far below the table").isFalse();
        assertThat(ann.json("document.querySelector('#tab-side').getBoundingClientRect().bottom <= innerHeight").asBoolean())
                .as("the tab bar is on screen without scrolling").isTrue();
        assertThat(ann.texts(".avalon .seat-no").get(0)).as("seats count from 1").startsWith("Seat 1");

        bob.type("#chat-input", "Hello from Bob");
        bob.click("#chat-send");
        ann.await("the unread message shows on the tab", () -> ann.text("#tab-side .badge").equals("1"));
        Demo.screenshot(ann, "phone-table.png");

        ann.click("#tab-side");
        assertThat(visible(ann, "#chat-input")).isTrue();
        assertThat(visible(ann, ".avalon .seats")).isFalse();
        ann.await("the message is read", () -> ann.text("#chat-messages").contains("Hello from Bob"));
        ann.await("the badge is gone once read", () -> !visible(ann, "#tab-side .badge"));
        Demo.screenshot(ann, "phone-chat.png");
        ann.click("#tab-table");
        assertThat(visible(ann, ".avalon .seats")).isTrue();
    }

    private static boolean visible(Page page, String css) {
        return page.json("(() => { const e = document.querySelector(\"" + css + "\"); return Boolean(e && e.offsetParent !== null); })()")
                .asBoolean();
    }
}
