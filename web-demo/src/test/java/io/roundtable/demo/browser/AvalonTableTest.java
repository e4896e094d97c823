package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.core.json.Json;

/**
 * The Avalon table as a player of a 7-seat game sees it at 1280x900 (issue 19): the night as the game
 * begins, their role at a glance on their own seat and in a secret panel on screen, the quest track's
 * two-fail quest and fail counts in plain sight, the vote grid's quest result column, seats from 1.
 */
@QuarkusTest
class AvalonTableTest extends BrowserTest {
    static final Map<String, String> TITLES = Map.of("merlin", "Merlin", "percival", "Percival",
            "servant", "Loyal Servant of Arthur", "morgana", "Morgana", "mordred", "Mordred", "oberon", "Oberon",
            "assassin", "Assassin", "minion", "Minion of Mordred");
    static final Map<String, String> LABELS = Map.of("evil", "evil", "merlin-or-morgana", "Merlin or Morgana");

    /**
     * Whether the element is drawn for the eye (laid out, of some size, not visually hidden) and, if
     * arguments[1], inside the window as it opens (scrolled to the top).
     */
    static final String DRAWN = """
            scrollTo(0, 0);
            const e = document.querySelector(arguments[0]);
            if (!e || !e.offsetParent || e.closest('.sr-only, [hidden]')) return false;
            const r = e.getBoundingClientRect();
            const style = getComputedStyle(e);
            return r.width > 1 && r.height > 1 && style.visibility === 'visible' && Number(style.opacity) > 0
              && (!arguments[1] || r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth);""";

    /** Drawn and on screen without scrolling. */
    static boolean onScreen(Page page, String css) {
        return Boolean.TRUE.equals(page.js(DRAWN, css, true));
    }

    /** Drawn, perhaps further down the page. */
    static boolean drawn(Page page, String css) {
        return Boolean.TRUE.equals(page.js(DRAWN, css, false));
    }

    /** Where the element is, for a failure's message. */
    static String where(Page page, String css) {
        return String.valueOf(page.json("(() => { const e = document.querySelector(" + Json.write(css)
                + "); const r = e?.getBoundingClientRect(); return {css: " + Json.write(css)
                + ", laidOut: Boolean(e?.offsetParent), top: r?.top, bottom: r?.bottom, left: r?.left, right: r?.right,"
                + " innerWidth, innerHeight, scrollY}; })()"));
    }

    @Test
    void a_seven_seat_game_shows_the_night_your_role_the_two_fail_quest_fail_counts_and_seats_from_one() {
        Page ann = browser(1280, 900);
        String room = Demo.createRoom(ann, "Ann", 6, p -> p.select("#avalon-players", "7"));
        Page walt = browser(1280, 900).go("#/watch/" + room);
        ann.await("six bots sit at the table, ready", () -> ann.texts(".lobby-seat .is-ready").size() == 6);
        Demo.ready(ann);
        ann.await("the game starts", () -> ann.exists(".avalon [data-my-role]"));

        // The night: who you are, your side, what you saw, over the table until you go to it.
        ann.await("the night is shown", () -> ann.exists("#avalon-night:not([hidden]) #night-dismiss"));
        JsonNode game = ann.clientFrame().get("game");
        Map<Integer, String> names = new HashMap<>();
        ann.clientFrame().at("/room/members").forEach(m -> {
            if (m.hasNonNull("seat") && m.get("seat").asInt() >= 0) {
                names.put(m.get("seat").asInt(), m.get("name").asText());
            }
        });
        String role = game.get("role").asText();
        String side = game.get("side").asText();
        assertThat(game.get("proposals")).as("the night comes before any decided proposal").isEmpty();
        assertThat(ann.attribute("[data-night-role]", "data-night-role")).isEqualTo(role);
        assertThat(ann.text("#night-you")).isEqualTo("You are " + TITLES.get(role) + ", on the side of " + side + ".");
        assertThat(onScreen(ann, "#night-you")).as("the night's role line is on screen: %s", where(ann, "#night-you")).isTrue();
        assertThat(ann.text("#night-knows")).isNotEmpty();
        for (JsonNode seen : game.get("sees")) {
            int seat = seen.get("seat").asInt();
            assertThat(ann.text("[data-night-seat='" + seat + "']"))
                    .contains(names.get(seat) + " (seat " + (seat + 1) + ")").contains(LABELS.get(seen.get("as").asText()));
            assertThat(ann.text("#night-knows")).contains(names.get(seat) + " (seat " + (seat + 1) + ")");
        }
        if (game.get("sees").isEmpty()) {
            assertThat(ann.exists("[data-night-seat]")).isFalse();
            assertThat(ann.text("#night-knows")).matches("You saw no one at night\\.|The other evil players do not know you.*"
                    + "|You know no other evil player\\.|You see no evil player\\.");
        }
        assertThat(ann.json("[...document.querySelectorAll('.avalon > :not(.night)')].every((e) => e.inert)").asBoolean())
                .as("the table under the night is inert").isTrue();
        Demo.screenshot(ann, "night.png");

        walt.await("the watcher sees the table", () -> walt.exists(".avalon .seats"));
        assertThat(walt.exists("#avalon-night:not([hidden])")).as("a spectator is not stopped by a night").isFalse();
        assertThat(walt.exists("[data-night-role], .seat-role, #secret")).isFalse();

        ann.click("#night-dismiss");
        ann.await("the night gives way to the table", () -> !ann.exists("#avalon-night:not([hidden])"));
        assertThat(ann.json("[...document.querySelectorAll('.avalon > *')].some((e) => e.inert)").asBoolean()).isFalse();

        // Your role at a glance: on your own seat (nobody else's) and in the secret panel, on screen at 1280x900.
        int you = game.get("you").asInt();
        assertThat(ann.attribute(".seat.mine .seat-role-mine", "data-role")).isEqualTo(role);
        assertThat(ann.text(".seat.mine .seat-role-mine")).contains(TITLES.get(role)).contains(side);
        assertThat(ann.texts(".seat .seat-role")).as("only your own seat shows a role").hasSize(1);
        assertThat(ann.attribute(".seat-role", "data-role")).isEqualTo(role);
        assertThat(drawn(ann, ".seat.mine .seat-role-mine")).as("your role on your seat").isTrue();
        assertThat(onScreen(ann, ".secret [data-my-role]"))
                .as("your role in the secret panel, without scrolling: %s", where(ann, ".secret [data-my-role]")).isTrue();
        assertThat(onScreen(ann, ".secret")).as("the whole secret panel fits the window: %s", where(ann, ".secret")).isTrue();
        assertThat(ann.text(".secret")).contains(TITLES.get(role));
        ann.click("#secret-toggle");
        ann.await("Hide hides the role, on the seat too", () -> !ann.exists("[data-my-role]") && !ann.exists(".seat-role"));
        ann.click("#secret-toggle");
        ann.await("Show shows it again", () -> ann.exists("[data-my-role]") && ann.exists(".seat.mine .seat-role-mine"));

        // The two-fail quest (4th, 7 players) is marked for the eye, not only for screen readers.
        assertThat(game.at("/failsNeeded/3").asInt()).isEqualTo(2);
        assertThat(ann.text(".quest[data-quest='4'] .quest-note")).isEqualTo("2 fails needed");
        assertThat(drawn(ann, ".quest[data-quest='4'] .quest-note[data-fails-needed='2']")).as("the two-fail marker is drawn")
                .isTrue();
        assertThat(ann.exists(".quest[data-quest='1'] .quest-note")).as("a one-fail quest to come has no note").isFalse();

        // Seats from 1: the ring, the log (rewritten from the server's 0-based lines), the status.
        List<String> seatNumbers = new ArrayList<>();
        for (int seat = 0; seat < 7; seat++) {
            seatNumbers.add(ann.text(".seat[data-seat='" + seat + "'] .seat-no").replaceAll(" ·.*", ""));
        }
        assertThat(seatNumbers).containsExactly("Seat 1", "Seat 2", "Seat 3", "Seat 4", "Seat 5", "Seat 6", "Seat 7");
        assertThat(names.get(you)).isEqualTo("Ann");
        int leader = Integer.parseInt(game.at("/log/0").asText().replaceAll("\\D", ""));
        assertThat(game.at("/log/0").asText()).isEqualTo("Seat " + leader + " leads first.");
        assertThat(ann.texts("#avalon-log li").get(0)).isEqualTo(names.get(leader) + " (seat " + (leader + 1) + ") leads first.");
        assertThat(ann.text("#avalon-status")).matches("You lead quest 1: .*|.*\\(seat [1-7]\\).*").doesNotContain("seat 0");

        // Play through the page until the first quest is over.
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (AvalonTable.questsDone(ann) < 1) {
            assertThat(System.nanoTime()).as("the first quest ends within 90 s").isLessThan(end);
            AvalonTable.move(ann, AvalonTable.Tactic.LOYAL);
            Page.pause(50);
        }
        ann.await("the grid shows the quest's result", () -> ann.exists(".vote-grid [data-grid-quest='1'] .quest-result"));
        game = ann.clientFrame().get("game");
        JsonNode first = game.at("/quests/0");
        int fails = first.get("fails").asInt();
        String failText = fails + (fails == 1 ? " fail" : " fails");
        assertThat(ann.text(".quest[data-quest='1'] .quest-note")).isEqualTo(failText);
        assertThat(ann.attribute(".quest[data-quest='1'] .quest-note", "data-fails")).isEqualTo(String.valueOf(fails));
        assertThat(drawn(ann, ".quest[data-quest='1'] .quest-note")).as("the fail count is drawn").isTrue();
        assertThat(ann.text(".quest[data-quest='4'] .quest-note")).isEqualTo("2 fails needed");

        List<String> heads = ann.texts(".vote-grid thead th");
        assertThat(heads.get(heads.size() - 1)).isEqualTo("Quest result");
        for (int seat = 0; seat < 7; seat++) {
            assertThat(ann.text(".vote-grid [data-grid-seat='" + seat + "']")).contains("seat " + (seat + 1));
        }
        assertThat(ann.text(".vote-grid [data-grid-quest='1']"))
                .isEqualTo((first.get("succeeded").asBoolean() ? "✓ succeeded, " : "✗ failed, ") + failText);
        JsonNode counts = ann.json("({results: [...document.querySelectorAll('.vote-grid .quest-result')].map((e) => e.closest('tr')"
                + ".querySelector('th').textContent), done: document.querySelectorAll('.quest[data-result]').length,"
                + " rows: [...document.querySelectorAll('.vote-grid tbody tr')].map((r) => r.innerText)})");
        assertThat(counts.get("results").size()).as("one result per played quest, on its approved proposal: %s", counts)
                .isEqualTo(counts.get("done").asInt());

        // The log names seats from 1 everywhere (the server wrote them from 0).
        String proposal = null;
        for (JsonNode line : game.get("log")) {
            if (line.asText().startsWith("Quest 1, proposal 1:")) {
                proposal = line.asText();
            }
        }
        assertThat(proposal).isNotNull();
        int proposer = Integer.parseInt(proposal.replaceAll("^Quest 1, proposal 1: seat (\\d+) .*", "$1"));
        String shownLine = ann.texts("#avalon-log li").stream().filter(l -> l.startsWith("Quest 1, proposal 1:")).findFirst()
                .orElseThrow();
        assertThat(shownLine).startsWith("Quest 1, proposal 1: " + names.get(proposer) + " (seat " + (proposer + 1) + ") proposed ")
                .doesNotContainPattern("(?<!\\()seats? \\d").doesNotContainPattern("(approve|reject): \\d");
        assertThat(ann.text("#avalon-log")).doesNotContain("seat 0");
    }
}
