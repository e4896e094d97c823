package io.roundtable.demo.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plays Avalon through the table a player sees: reads what the page offers (checkboxes and buttons
 * in "Your move") and clicks one of them. Never looks at hidden state: a page only shows its own seat's.
 */
public final class AvalonTable {
    /** Reads the offer in "Your move"; null fields when nothing is offered. */
    private static final String PROBE = """
            const q = (s) => document.querySelector(s);
            const all = (s) => [...document.querySelectorAll(s)];
            if (q('#avalon-end')) return {kind: 'over'};
            const base = {
              quest: Number(q('.quest.current')?.dataset.quest ?? 0),
              rejections: Number(q('[data-rejections]')?.dataset.rejections ?? 0),
              you: q('.seat.mine') ? Number(q('.seat.mine').dataset.seat) : null,
            };
            const boxes = all('[data-team-seat]');
            if (boxes.length) {
              return {...base, kind: 'propose', busy: q('#propose')?.disabled && boxes.every((b) => b.disabled || b.checked),
                teamSize: Number(q('[data-team-size]').dataset.teamSize), seats: boxes.map((b) => Number(b.dataset.teamSeat)),
                checked: boxes.filter((b) => b.checked).map((b) => Number(b.dataset.teamSeat))};
            }
            for (const kind of ['vote', 'card', 'lady', 'assassinate']) {
              const buttons = all(`[data-${kind}]`);
              if (buttons.length) {
                return {...base, kind, busy: buttons.every((b) => b.disabled),
                  choices: buttons.map((b) => b.getAttribute(`data-${kind}`))};
              }
            }
            return {...base, kind: null};
            """;

    /** How the test players decide, from what their page shows. */
    public record Tactic(boolean rejectFirstProposal, int failOnQuest) {
        /** Approve everything, play Success, name the first offered seat. */
        public static final Tactic LOYAL = new Tactic(false, 0);

        String vote(int quest, int rejections) {
            return rejectFirstProposal && quest == 1 && rejections == 0 ? "reject" : "approve";
        }

        String card(int quest, List<String> choices) {
            return quest == failOnQuest && choices.contains("fail") ? "fail" : "success";
        }
    }

    private AvalonTable() {
    }

    /** Makes this player's move if the page offers one; returns what was done, or null. */
    public static String move(Page page, Tactic tactic) {
        dismissNight(page);
        JsonNode offer = page.json("(() => {" + PROBE + "})()");
        String kind = offer.path("kind").asText(null);
        if (kind == null || "over".equals(kind) || offer.path("busy").asBoolean()) {
            return "over".equals(kind) ? "over" : null;
        }
        int quest = offer.path("quest").asInt();
        switch (kind) {
            case "propose" -> {
                int size = offer.get("teamSize").asInt();
                List<Integer> team = new ArrayList<>();
                int you = offer.path("you").asInt();
                team.add(you);
                for (JsonNode seat : offer.get("seats")) {
                    if (team.size() < size && seat.asInt() != you) {
                        team.add(seat.asInt());
                    }
                }
                for (JsonNode seat : offer.get("checked")) {
                    if (!team.contains(seat.asInt())) {
                        page.click("#team-" + seat.asInt());
                    }
                }
                for (int seat : team) {
                    if (!page.exists("#team-" + seat + ":checked")) {
                        page.click("#team-" + seat);
                    }
                }
                page.click("#propose");
                return "proposed " + team;
            }
            case "vote" -> {
                String vote = tactic.vote(quest, offer.path("rejections").asInt());
                page.click("[data-vote='" + vote + "']");
                return vote;
            }
            case "card" -> {
                List<String> choices = new ArrayList<>();
                offer.get("choices").forEach(c -> choices.add(c.asText()));
                String card = tactic.card(quest, choices);
                page.click("[data-card='" + card + "']");
                return card;
            }
            default -> {
                String target = offer.get("choices").get(0).asText();
                page.click("[data-" + kind + "='" + target + "']");
                return kind + " " + target;
            }
        }
    }

    /** Goes to the table if the night (shown over it as the game begins) is still on screen. */
    public static void dismissNight(Page page) {
        if (page.exists("#avalon-night:not([hidden]) #night-dismiss")) {
            page.click("#night-dismiss");
            page.await("the night gives way to the table", () -> !page.exists("#avalon-night:not([hidden])"));
        }
    }

    /** Every player moves when their page offers a move, until every page shows the end screen. */
    public static int playToTheEnd(List<Page> players, Tactic tactic, Consumer<Integer> afterEachMove) {
        int moves = 0;
        long end = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            boolean allOver = true;
            for (Page player : players) {
                String done = move(player, tactic);
                if (!"over".equals(done)) {
                    allOver = false;
                }
                if (done != null && !"over".equals(done)) {
                    moves++;
                    afterEachMove.accept(moves);
                }
            }
            if (allOver) {
                return moves;
            }
            Page.pause(30);
        }
        throw new AssertionError("the game did not end within 2 minutes after " + moves + " moves");
    }

    /** The number of finished quests the page shows. */
    public static int questsDone(Page page) {
        Object done = page.js("return document.querySelectorAll('.quest[data-result]').length");
        return ((Number) done).intValue();
    }
}
