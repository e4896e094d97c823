package io.roundtable.games.avalon;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import io.roundtable.core.spi.Decision;

/**
 * How each action changes the game. Rejections depend only on what the actor may know: the public
 * state, their own role and what they saw at night.
 */
final class Moves {
    private Moves() {
    }

    static Decision<AvalonState> propose(AvalonState state, int seat, List<Integer> team) {
        if (team == null || team.stream().anyMatch(Objects::isNull)) {
            return Refusals.incomplete("A proposal lists the team's seats, e.g. {\"type\":\"propose\",\"team\":[0,2]}.");
        }
        if (team.size() != state.teamSize()) {
            return Refusals.of("team_size", "Quest " + state.questNumber() + " needs a team of exactly "
                    + state.teamSize() + " players, not " + team.size() + ".");
        }
        for (int member : team) {
            if (member < 0 || member >= state.players()) {
                return Refusals.noSuchSeat(state, member);
            }
        }
        if (new HashSet<>(team).size() != team.size()) {
            return Refusals.of("duplicate_member", "A team names each player once.");
        }
        AvalonState.Draft next = state.draft();
        next.team = team;
        next.votes.clear();
        boolean hammer = state.options().hammer() && state.rejections() == Counts.MAX_REJECTIONS - 1;
        if (hammer) {
            next.proposals.add(new AvalonState.Proposal(state.questNumber(), state.rejections() + 1, seat, team,
                    List.of(), true));
            next.stage = Stage.QUEST;
        } else {
            next.stage = Stage.VOTE;
        }
        return Decision.accept(next.build(), AvalonEvent.proposed(seat, team));
    }

    static Decision<AvalonState> vote(AvalonState state, int seat, Vote vote) {
        if (vote == null) {
            return Refusals.incomplete("A vote is \"approve\" or \"reject\".");
        }
        AvalonState.Draft next = state.draft();
        next.votes.put(seat, vote);
        if (next.votes.size() == state.players()) {
            List<Vote> ballots = new ArrayList<>(next.votes.values());
            long approvals = ballots.stream().filter(Vote.APPROVE::equals).count();
            boolean approved = approvals * 2 > state.players(); // a tie rejects
            next.proposals.add(new AvalonState.Proposal(state.questNumber(), state.rejections() + 1, state.leader(),
                    state.team(), ballots, approved));
            next.votes.clear();
            if (approved) {
                next.stage = Stage.QUEST;
                next.cards.clear();
            } else if (state.rejections() + 1 == Counts.MAX_REJECTIONS) {
                next.team = List.of();
                next.end(Side.EVIL, "five_rejections");
            } else {
                next.team = List.of();
                next.leader = state.nextSeat(state.leader());
                next.stage = Stage.PROPOSE;
            }
        }
        return Decision.accept(next.build(), AvalonEvent.voted(seat));
    }

    static Decision<AvalonState> play(AvalonState state, int seat, Card card) {
        if (card == null) {
            return Refusals.incomplete("A quest card is \"success\" or \"fail\".");
        }
        if (card == Card.FAIL && !state.roles().get(seat).isEvil()) {
            return Refusals.of("good_cannot_fail", "Loyal servants of Arthur can only play Success.");
        }
        AvalonState.Draft next = state.draft();
        next.cards.put(seat, card);
        if (next.cards.size() == state.team().size()) {
            int quest = state.questNumber();
            int fails = (int) next.cards.values().stream().filter(Card.FAIL::equals).count();
            boolean succeeded = fails < state.counts().failsNeeded(quest);
            next.quests.add(new AvalonState.Quest(quest, state.team(), fails, succeeded));
            next.cards.clear();
            next.team = List.of();
            next.leader = state.nextSeat(state.leader());
            afterQuest(state, next);
        }
        return Decision.accept(next.build(), AvalonEvent.played(seat));
    }

    private static void afterQuest(AvalonState state, AvalonState.Draft next) {
        long successes = next.quests.stream().filter(AvalonState.Quest::succeeded).count();
        long failures = next.quests.size() - successes;
        if (failures == 3) {
            next.end(Side.EVIL, "three_failures");
        } else if (successes == 3 && state.inPlay(Role.MERLIN) && state.inPlay(Role.ASSASSIN)) {
            next.stage = Stage.ASSASSINATE;
        } else if (successes == 3) {
            next.end(Side.GOOD, "three_successes");
        } else if (state.options().lady() && next.quests.size() >= 2 && next.quests.size() <= 4) {
            next.stage = Stage.LADY;
        } else {
            next.stage = Stage.PROPOSE;
        }
    }

    static Decision<AvalonState> examine(AvalonState state, int seat, Integer target) {
        if (target == null) {
            return Refusals.incomplete("Name the seat to examine, e.g. {\"type\":\"lady\",\"target\":3}.");
        }
        if (target < 0 || target >= state.players()) {
            return Refusals.noSuchSeat(state, target);
        }
        if (target == seat) {
            return Refusals.of("lady_self", "You cannot use the Lady of the Lake on yourself.");
        }
        if (state.ladyHolders().contains(target)) {
            return Refusals.of("lady_held_before", "Seat " + target
                    + " has held the Lady of the Lake before and cannot be examined.");
        }
        AvalonState.Draft next = state.draft();
        next.ladyUses.add(new AvalonState.LadyUse(state.quests().size(), seat, target));
        next.stage = Stage.PROPOSE;
        return Decision.accept(next.build(), AvalonEvent.examined(seat, target));
    }

    static Decision<AvalonState> assassinate(AvalonState state, int seat, Integer target) {
        if (target == null) {
            return Refusals.incomplete("Name a seat, e.g. {\"type\":\"assassinate\",\"target\":3}.");
        }
        if (target < 0 || target >= state.players()) {
            return Refusals.noSuchSeat(state, target);
        }
        if (target == seat) {
            return Refusals.of("target_self", "You cannot name yourself.");
        }
        if (Visibility.knowsEvil(state, seat, target)) {
            return Refusals.of("target_known_evil", "Seat " + target + " is on your side; name the player you"
                    + " think is Merlin.");
        }
        AvalonState.Draft next = state.draft();
        next.assassinTarget = target;
        boolean hit = state.roles().get(target) == Role.MERLIN;
        next.end(hit ? Side.EVIL : Side.GOOD, hit ? "merlin_assassinated" : "merlin_survived");
        return Decision.accept(next.build(), AvalonEvent.assassinated(seat, target));
    }

    /** Whom the holder may examine: not themself, nobody who held the Lady. */
    static List<Integer> ladyTargets(AvalonState state, int holder) {
        List<Integer> held = state.ladyHolders();
        return IntStream.range(0, state.players()).boxed().filter(s -> s != holder && !held.contains(s)).toList();
    }

    /** Whom the Assassin may name: anyone they do not know to be evil. */
    static List<Integer> assassinTargets(AvalonState state, int assassin) {
        return IntStream.range(0, state.players()).boxed()
                .filter(s -> s != assassin && !Visibility.knowsEvil(state, assassin, s)).toList();
    }
}
