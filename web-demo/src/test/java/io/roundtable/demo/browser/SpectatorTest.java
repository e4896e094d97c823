package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** Spectators watch the public game: no role, night or Lady result reaches their page before the end. */
@QuarkusTest
class SpectatorTest extends BrowserTest {
    /** Role titles as the table writes them. With the default five-player set, Mordred and Oberon are not in play. */
    static final List<String> TITLES = List.of("Merlin", "Percival", "Loyal Servant", "Morgana", "Mordred", "Oberon",
            "Assassin", "Minion");
    static final List<String> NOT_IN_PLAY = List.of("Mordred", "Oberon");
    static final List<String> PRIVATE_FIELDS = List.of("you", "role", "side", "sees", "roles", "winner");

    @Test
    void a_spectator_sees_no_private_information_until_every_role_is_revealed_at_the_end() {
        Page ann = browser();
        String room = Demo.createRoom(ann, "Ann", 4, p -> {
            p.click("#avalon-lady");
            p.click("#avalon-evilChannel");
        });
        Page sam = browser();
        Demo.joinFromLobby(sam, "Sam", room, true);
        Page walt = browser().go("#/watch/" + room);
        Demo.ready(ann);
        for (Page watcher : List.of(sam, walt)) {
            watcher.await("the watcher sees the table", () -> watcher.exists(".avalon .seats"));
        }
        assertThat(sam.text("#avalon-actions")).contains("You are watching").doesNotContain("Your move");
        assertThat(sam.text("#actions-title")).as("a spectator has no move to be offered").isEqualTo("Watching");
        sam.await("the spectator sees whom the table waits for", () -> sam.text("#watching").contains("Waiting for"));

        AvalonTable.playToTheEnd(List.of(ann), AvalonTable.Tactic.LOYAL, move -> {
            if (!ann.exists("#avalon-end")) {
                for (Page watcher : List.of(sam, walt)) {
                    assertNoSecretOnThePage(watcher);
                }
            }
        });

        for (Page watcher : List.of(sam, walt)) {
            watcher.await("the watcher sees the end", () -> watcher.exists("#avalon-end"));
            assertThat(watcher.texts(".roles-table tbody tr")).isEqualTo(ann.texts(".roles-table tbody tr"));
            assertNoSecretInTheFrames(watcher.frames());
        }
        assertThat(sam.frames().stream().filter(f -> !f.path("game").isNull()).count())
                .as("the spectator's socket delivered the game as it went").isGreaterThan(3);
    }

    /** Reads the page in one go (it may change between two questions) and checks it, unless the game is over. */
    static void assertNoSecretOnThePage(Page page) {
        JsonNode seen = page.json("""
                (() => ({
                  over: Boolean(document.querySelector('#avalon-end')),
                  found: ['.seat-role', '.seat-known', '[data-my-role]', '#secret', "[data-conversation^='channel:']"]
                    .filter((css) => document.querySelector(css)),
                  seats: [...document.querySelectorAll('.seat')].map((seat) => {
                    const copy = seat.cloneNode(true);
                    copy.querySelectorAll('.tag').forEach((tag) => tag.remove());
                    return copy.textContent;
                  }).join(' | '),
                  main: document.querySelector('main').textContent,
                }))()""");
        if (seen.get("over").asBoolean()) {
            return;
        }
        assertThat(seen.get("found")).as("a spectator's page has none of these").isEmpty();
        for (String title : TITLES) {
            assertThat(seen.get("seats").asText()).as("no role next to a seat").doesNotContain(title);
        }
        for (String title : NOT_IN_PLAY) {
            assertThat(seen.get("main").asText()).as("a role that is not in play is named nowhere").doesNotContain(title);
        }
    }

    static void assertNoSecretInTheFrames(List<JsonNode> frames) {
        assertThat(frames).isNotEmpty();
        for (JsonNode frame : frames) {
            assertThat(frame.at("/me/spectator").asBoolean()).isTrue();
            assertThat(frame.get("channels")).isEmpty();
            JsonNode game = frame.get("game");
            if (game == null || game.isNull() || "over".equals(game.path("phase").asText())) {
                continue;
            }
            for (String field : PRIVATE_FIELDS) {
                assertThat(game.has(field)).as("a spectator's frame has no " + field + ": " + game).isFalse();
            }
            assertThat(game.get("youMay")).isEmpty();
            for (JsonNode use : game.at("/lady/uses")) {
                assertThat(use.has("loyalty")).as("a spectator never learns a Lady result before the end").isFalse();
            }
            for (JsonNode line : game.get("log")) {
                assertThat(line.asText()).doesNotContainPattern("is (good|evil)\\.");
            }
        }
    }
}
