package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** The parts every game shares: creating rooms, errors as sentences, chat, reconnecting, the generic table. */
@QuarkusTest
class RoomShellTest extends BrowserTest {
    @Test
    void a_role_set_the_game_refuses_is_explained_with_the_servers_sentence() {
        Page ann = browser().go("#/");
        ann.awaitElement("#create-game option[value='avalon']");
        ann.select("#create-game", "avalon");
        ann.type("#name-lobby", "Ann");
        ann.click("#avalon-role-assassin");
        ann.click("#create-submit");

        ann.await("the refusal is shown", () -> ann.text("#notice").contains("Merlin needs the Assassin"));
        assertThat(ann.attribute("#notice", "role")).isEqualTo("alert");
        assertThat(ann.hash()).doesNotStartWith("#/room/");
    }

    @Test
    void a_direct_message_is_delivered_then_read_once_the_recipient_opens_the_conversation() {
        Page ann = browser();
        String room = Demo.createRoom(ann, "Ann", 3, p -> { });
        Page bob = browser();
        Demo.joinFromLink(bob, "Bob <i>B</i>", room, false);
        String bobId = bob.seat(room).get("member").asText();
        ann.await("Bob appears among the people", () -> ann.exists("[data-dm='" + bobId + "']"));
        assertThat(ann.text("[data-member='" + bobId + "'] .member-name")).isEqualTo("Bob <i>B</i>");
        assertThat(ann.exists(".members i")).as("a name stays text").isFalse();

        ann.click("[data-dm='" + bobId + "']");
        ann.type("#chat-input", "Shall we trust seat 0? <b>not bold</b>");
        ann.click("#chat-send");
        ann.await("the message is delivered", () -> ann.text("[data-delivery]").equals("delivered"));

        bob.await("Bob has one unread message", () -> bob.text("#chat-title").equals("Chat (1 unread)"));
        String annTab = "[data-conversation='direct:" + ann.seat(room).get("member").asText() + "']";
        assertThat(bob.text(annTab)).contains("Ann").contains("1");
        bob.click(annTab);
        assertThat(bob.text("#chat-messages")).contains("Shall we trust seat 0? <b>not bold</b>");
        assertThat(bob.exists("#chat-messages b")).as("text stays text").isFalse();
        bob.await("the badge is gone", () -> bob.text("#chat-title").equals("Chat"));
        ann.await("Ann sees that Bob read it", () -> ann.text("[data-delivery]").equals("read"));
    }

    @Test
    void a_dropped_connection_shows_the_reconnecting_banner_and_resumes_the_same_seat() {
        Page ann = browser();
        String room = Demo.createRoom(ann, "Ann", 4, p -> { });
        ann.awaitElement("#ready-toggle");
        String member = ann.seat(room).get("member").asText();
        ann.js("""
                window.__banner = [];
                const banner = document.getElementById('banner');
                new MutationObserver(() => window.__banner.push(banner.hidden ? '' : banner.textContent))
                  .observe(banner, {attributes: true, childList: true, characterData: true, subtree: true});
                window.__roundtable.client.socket.close(4000, 'test: network lost');""");

        ann.await("the page reconnected", () -> "open".equals(ann.js("return window.__roundtable.client.status")));
        JsonNode banner = ann.json("window.__banner");
        assertThat(banner.toString()).contains("Reconnecting");
        assertThat(ann.exists("#banner:not([hidden])")).isFalse();
        assertThat(ann.json("window.__roundtable.client.frame.me.member").asText()).isEqualTo(member);
        Demo.ready(ann);
        ann.await("the seat is played on after the reconnection", () -> ann.exists("[data-my-role]"));
    }

    @Test
    void a_game_without_its_own_table_gets_a_form_from_its_options_shows_its_view_and_takes_json_actions() {
        Page ann = browser();
        String room = Demo.createRoom(ann, "guess", "Ann", 0, p -> {
            p.await("the options form is drawn from the game's options", () -> p.exists("[data-option='players'] input"));
            assertThat(p.js("return document.querySelector(\"[data-option='players'] input\").value"))
                    .as("prefilled with the game's defaults").isEqualTo("2");
            assertThat(p.js("return document.querySelector(\"[data-option='rounds'] input\").type")).isEqualTo("number");
        });
        Page bob = browser();
        Demo.joinFromLink(bob, "Bob", room, false);
        Demo.ready(ann);
        Demo.ready(bob);
        ann.await("the generic table shows the view", () -> ann.text(".generic-table pre").contains("mySecret"));
        assertThat(ann.exists("[data-conversation='channel:pair']")).as("the game's channel is offered").isTrue();
        assertThat(ann.json("window.__roundtable.client.frame.game.turn").asInt()).as("seat 0, Ann, guesses first").isZero();

        ann.type("#generic-action", "{\"type\": \"guess\", \"number\": 4200}");
        ann.click(".generic-table button[type='submit']");
        ann.await("the game's refusal is shown", () -> ann.text("#notice").contains("Guess a number from 0 to 999."));
        ann.type("#generic-action", "{\"type\": \"guess\", \"number\": 3}");
        ann.click(".generic-table button[type='submit']");
        bob.await("the move shows in the other player's view", () -> bob.text(".generic-table pre").contains("seat 0 guessed 3"));
    }

    @Test
    void a_page_at_an_address_the_server_refuses_says_so_instead_of_reconnecting_forever() {
        Page ann = browserAt("refused.test");
        Demo.createRoom(ann, "Ann", 4, p -> { });
        ann.await("the page says why it cannot connect",
                () -> ann.text("#banner").contains("This server refuses live connections from pages at http://refused.test:"));
        assertThat(ann.text("#banner")).contains("roundtable.ws.allowed-origins");
        assertThat(ann.js("return window.__roundtable.client.status")).as("it stopped retrying").isEqualTo("closed");
    }

    @Test
    void a_removed_player_is_told_so_and_offered_the_lobby_instead_of_a_page_that_looks_alive() {
        Page ann = browser();
        String room = Demo.createRoom(ann, "Ann", 3, p -> { });
        Page bob = browser();
        Demo.joinFromLink(bob, "Bob", room, false);
        bob.awaitElement("#ready-toggle");
        String bobId = bob.seat(room).get("member").asText();

        ann.click("[data-key='kick-" + bobId + "']");
        bob.await("Bob's page says he is out", () -> bob.exists("#back-to-lobby"));
        assertThat(bob.text(".paused")).startsWith("You are no longer a member of this room.");
        assertThat(bob.js("return document.querySelector('#ready-toggle').offsetParent === null"))
                .as("no ready toggle left to press").isEqualTo(true);
        assertThat(bob.js("return document.querySelector('#chat-input').offsetParent === null"))
                .as("no chat left to write in").isEqualTo(true);
        bob.click("#back-to-lobby");
        bob.await("the lobby", () -> bob.exists("#create-submit"));
    }
}
