package io.roundtable.games.avalon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import io.roundtable.core.spi.GameRandom;

/**
 * Moves for bots, stand-ins and expired timers. Every move is legal for the awaited seat, and every
 * choice uses only what that seat knows: its role, its night, its Lady results and the public record.
 */
final class Bots {
    private Bots() {
    }

    /** Any legal move, uniformly: the baseline for random play. */
    static AvalonAction random(AvalonState state, int seat, GameRandom random) {
        switch (state.stage()) {
            case PROPOSE:
                return new AvalonAction.Propose(sorted(random.sample(everyone(state), state.teamSize())));
            case VOTE:
                return new AvalonAction.CastVote(random.nextBoolean() ? Vote.APPROVE : Vote.REJECT);
            case QUEST:
                return new AvalonAction.PlayCard(evil(state, seat) && random.nextBoolean() ? Card.FAIL : Card.SUCCESS);
            default:
                return pickTarget(state, seat, random);
        }
    }

    /** What happens for a seat whose timer ran out: a random team with the leader, approve, success, a random target. */
    static AvalonAction timeout(AvalonState state, int seat, GameRandom random) {
        switch (state.stage()) {
            case PROPOSE:
                return new AvalonAction.Propose(withLeader(state, seat, random.shuffle(others(state, seat))));
            case VOTE:
                return new AvalonAction.CastVote(Vote.APPROVE);
            case QUEST:
                return new AvalonAction.PlayCard(Card.SUCCESS);
            default:
                return pickTarget(state, seat, random);
        }
    }

    /**
     * A simple table strategy: leaders take themselves and the least suspect; good players reject
     * teams with a known or suspect evil player, approve teams they are on and the last proposal of a
     * round; evil players approve teams with evil on them and fail every quest they join; the Assassin
     * names the player who most often rejected teams with evil on them.
     */
    static AvalonAction heuristic(AvalonState state, int seat, GameRandom random) {
        switch (state.stage()) {
            case PROPOSE:
                List<Integer> others = random.shuffle(others(state, seat));
                if (!evil(state, seat)) {
                    others.sort(Comparator.comparingInt(other -> suspicion(state, seat, other)));
                }
                return new AvalonAction.Propose(withLeader(state, seat, others));
            case VOTE:
                return new AvalonAction.CastVote(heuristicVote(state, seat, random));
            case QUEST:
                return new AvalonAction.PlayCard(evil(state, seat) ? Card.FAIL : Card.SUCCESS);
            case ASSASSINATE:
                List<Integer> targets = random.shuffle(Moves.assassinTargets(state, seat));
                return new AvalonAction.Assassinate(targets.stream()
                        .max(Comparator.comparingInt(target -> merlinLike(state, seat, target))).orElseThrow());
            default:
                return pickTarget(state, seat, random);
        }
    }

    private static Vote heuristicVote(AvalonState state, int seat, GameRandom random) {
        List<Integer> team = state.team();
        boolean evilOnTeam = team.stream().anyMatch(other -> other == seat && evil(state, seat)
                || Visibility.knowsEvil(state, seat, other));
        if (evil(state, seat)) {
            return evilOnTeam ? Vote.APPROVE : Vote.REJECT;
        }
        if (state.rejections() == Counts.MAX_REJECTIONS - 1) {
            return Vote.APPROVE; // a fifth rejection would hand evil the game
        }
        if (evilOnTeam || team.stream().anyMatch(other -> other != seat && suspicion(state, seat, other) > 0)) {
            return Vote.REJECT;
        }
        boolean mine = team.contains(seat) || state.leader() == seat;
        return mine || random.nextBoolean() ? Vote.APPROVE : Vote.REJECT;
    }

    /** How suspect {@code other} looks to {@code seat}: known evil first, then failed quests joined. */
    private static int suspicion(AvalonState state, int seat, int other) {
        if (Visibility.knowsEvil(state, seat, other)) {
            return 100;
        }
        return (int) state.quests().stream().filter(q -> !q.succeeded() && q.team().contains(other)).count();
    }

    /** How much {@code target} played like Merlin: rejected teams with evil on them, stayed off failed quests. */
    private static int merlinLike(AvalonState state, int assassin, int target) {
        int score = 0;
        for (AvalonState.Proposal p : state.proposals()) {
            boolean evilOnTeam = p.team().stream().anyMatch(m -> m == assassin || Visibility.knowsEvil(state, assassin, m));
            if (!p.forced() && evilOnTeam && p.votes().get(target) == Vote.REJECT) {
                score++;
            }
        }
        return score - 2 * suspicion(state, assassin, target);
    }

    private static AvalonAction pickTarget(AvalonState state, int seat, GameRandom random) {
        if (state.stage() == Stage.LADY) {
            return new AvalonAction.Examine(random.pick(Moves.ladyTargets(state, seat)));
        }
        return new AvalonAction.Assassinate(random.pick(Moves.assassinTargets(state, seat)));
    }

    private static List<Integer> withLeader(AvalonState state, int leader, List<Integer> others) {
        List<Integer> team = new ArrayList<>();
        team.add(leader);
        team.addAll(others.subList(0, state.teamSize() - 1));
        return sorted(team);
    }

    private static boolean evil(AvalonState state, int seat) {
        return state.roles().get(seat).isEvil();
    }

    private static List<Integer> everyone(AvalonState state) {
        return IntStream.range(0, state.players()).boxed().toList();
    }

    private static List<Integer> others(AvalonState state, int seat) {
        return everyone(state).stream().filter(s -> s != seat).toList();
    }

    private static List<Integer> sorted(List<Integer> seats) {
        return seats.stream().sorted().toList();
    }
}
