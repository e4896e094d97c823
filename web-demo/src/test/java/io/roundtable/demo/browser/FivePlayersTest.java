package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Five people, five browsers, one whole game of Avalon through the UI. */
@QuarkusTest
class FivePlayersTest extends BrowserTest {
    static final Set<String> EVIL = Set.of("morgana", "mordred", "oberon", "assassin", "minion");

    @Override
    Page browser() {
        return browser(900);
    }

    Page browser(int height) {
        return browser(1280, height);
    }

    @Test
    void five_browsers_play_avalon_to_the_end_and_a_player_who_reloads_keeps_their_seat() {
        Page ann = browser(); // 1280x900: table.png and end.png show the table at that size
        String room = Demo.createRoom(ann, "Ann", 0, page -> {
            page.click("#avalon-lady");
            page.click("#avalon-evilChannel");
        });
        Page bob = browser(1000);
        Page cat = browser();
        Page dan = browser();
        Page eve = browser();
        bob.go("#/");
        bob.await("the lobby lists the new room", () -> bob.exists("[data-room='" + room + "'][data-phase='LOBBY']"));
        assertThat(bob.text("[data-room='" + room + "']")).contains("1 of 5 seats taken", "Waiting for players");
        bob.type("#name-lobby", "Bob");
        bob.select("#create-game", "avalon");
        Demo.screenshot(bob, "lobby.png");
        Demo.joinFromLobby(bob, "Bob", room, false);
        Demo.joinFromLobby(cat, "Cat", room, false);
        Demo.joinFromLink(dan, "Dan", room, false);
        Demo.joinFromLink(eve, "Eve", room, false);
        List<Page> players = List.of(ann, bob, cat, dan, eve);
        players.forEach(Demo::ready);
        players.forEach(p -> p.await("the game starts", () -> p.exists(".avalon [data-my-role]")));

        List<String> roles = players.stream().map(p -> p.attribute("[data-my-role]", "data-my-role")).toList();
        assertThat(roles).contains("merlin", "percival", "morgana", "assassin");
        for (int i = 0; i < players.size(); i++) {
            boolean evil = EVIL.contains(roles.get(i));
            assertThat(players.get(i).exists("[data-conversation='channel:evil']"))
                    .as("only the evil players have the evil channel").isEqualTo(evil);
        }
        Page firstEvil = players.get(roles.indexOf("morgana"));
        Page otherEvil = players.get(roles.indexOf("assassin"));
        firstEvil.click("[data-conversation='channel:evil']");
        firstEvil.type("#chat-input", "Fail the second quest");
        firstEvil.click("#chat-send");
        otherEvil.click("[data-conversation='channel:evil']");
        otherEvil.await("the channel message arrives", () -> otherEvil.text("#chat-messages").contains("Fail the second quest"));

        Page reloading = cat;
        String seatBefore = cat.attribute(".seat.mine", "data-seat");
        String roleBefore = cat.attribute("[data-my-role]", "data-my-role");
        String memberBefore = cat.seat(room).get("member").asText();
        boolean[] reloaded = {false};
        boolean[] photographed = {false};
        int moves = AvalonTable.playToTheEnd(players, new AvalonTable.Tactic(true, 2), done -> {
            if (!photographed[0] && AvalonTable.questsDone(ann) >= 2) {
                Demo.screenshot(ann, "table.png");
                photographed[0] = true;
            }
            if (!reloaded[0] && AvalonTable.questsDone(reloading) >= 2) {
                reloaded[0] = true;
                reloading.reload();
                reloading.await("the reloaded page shows the table again", () -> reloading.exists("[data-my-role]"));
                assertThat(reloading.attribute(".seat.mine", "data-seat")).isEqualTo(seatBefore);
                assertThat(reloading.attribute("[data-my-role]", "data-my-role")).isEqualTo(roleBefore);
                assertThat(reloading.json("window.__roundtable.member").asText()).isEqualTo(memberBefore);
                assertThat(reloading.text("#avalon-log")).contains("Quest 1").contains("Quest 2");
            }
        });

        assertThat(reloaded[0]).as("a player reloaded mid-game").isTrue();
        assertThat(moves).isGreaterThan(15);
        String ending = ann.text("#avalon-ending");
        assertThat(ending).matches("(Good|Evil) wins: .*");
        for (int i = 0; i < players.size(); i++) {
            Page p = players.get(i);
            assertThat(p.text("#avalon-ending")).isEqualTo(ending);
            assertThat(p.texts(".roles-table tbody tr")).hasSize(5);
            assertThat(p.attribute(".roles-table tr[data-seat='" + p.attribute(".seat.mine", "data-seat") + "'] td[data-role]",
                    "data-role")).isEqualTo(roles.get(i));
        }
        assertThat(ann.texts(".vote-grid tbody tr").get(0)).contains("rejected");
        Demo.screenshot(ann, "end.png");
    }
}
