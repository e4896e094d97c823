package io.roundtable.games.avalon;

import java.util.ArrayList;
import java.util.List;

/** The game so far in sentences, as one viewer may know it: public facts, plus their own Lady results. */
final class GameLog {
    private GameLog() {
    }

    static List<String> of(AvalonState state, Integer you) {
        List<String> log = new ArrayList<>();
        log.add("Seat " + state.firstLeader() + " leads first.");
        state.ladyHolders().stream().findFirst().ifPresent(h -> log.add("Seat " + h + " holds the Lady of the Lake."));
        for (int quest = 1; quest <= state.quests().size() + 1 && quest <= Counts.QUESTS; quest++) {
            for (AvalonState.Proposal p : state.proposals()) {
                if (p.quest() == quest) {
                    log.add(proposal(p));
                }
            }
            if (quest <= state.quests().size()) {
                log.add(quest(state, state.quests().get(quest - 1)));
            }
            for (AvalonState.LadyUse use : state.ladyUses()) {
                if (use.afterQuest() == quest) {
                    log.add(lady(state, you, use));
                }
            }
        }
        if (state.stage() == Stage.ASSASSINATE || state.assassinTarget() != null) {
            log.add("Three quests succeeded: the Assassin, seat " + state.seatOf(Role.ASSASSIN).orElse(-1)
                    + ", names Merlin.");
        }
        if (state.assassinTarget() != null) {
            log.add("The Assassin named seat " + state.assassinTarget() + ".");
        }
        if (state.over()) {
            log.add(Views.ending(state));
        }
        return log;
    }

    private static String proposal(AvalonState.Proposal p) {
        StringBuilder line = new StringBuilder("Quest ").append(p.quest()).append(", proposal ").append(p.attempt())
                .append(": seat ").append(p.leader()).append(" proposed seats ").append(list(p.team()));
        if (p.forced()) {
            return line.append(", sent on the quest without a vote.").toString();
        }
        List<Integer> approve = new ArrayList<>();
        List<Integer> reject = new ArrayList<>();
        for (int seat = 0; seat < p.votes().size(); seat++) {
            (p.votes().get(seat) == Vote.APPROVE ? approve : reject).add(seat);
        }
        return line.append(p.approved() ? ", approved " : ", rejected ").append(approve.size()).append(" to ")
                .append(reject.size()).append(" (approve: ").append(list(approve)).append("; reject: ")
                .append(list(reject)).append(").").toString();
    }

    private static String quest(AvalonState state, AvalonState.Quest q) {
        int needed = state.counts().failsNeeded(q.number());
        return "Quest " + q.number() + " " + (q.succeeded() ? "succeeded" : "failed") + " with " + q.fails()
                + (q.fails() == 1 ? " Fail card" : " Fail cards") + (needed > 1 ? " (" + needed + " needed to fail it)"
                : "") + ".";
    }

    private static String lady(AvalonState state, Integer you, AvalonState.LadyUse use) {
        String line = "Seat " + use.holder() + " used the Lady of the Lake on seat " + use.target() + ".";
        if (Views.sees(state, you, use)) {
            line += " Seat " + use.target() + " is " + state.loyalty(use.target()).id() + ".";
        }
        return line;
    }

    private static String list(List<Integer> seats) {
        if (seats.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (int seat : seats) {
            text.append(text.length() == 0 ? "" : ", ").append(seat);
        }
        return text.toString();
    }
}
