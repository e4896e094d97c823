package io.roundtable.games.loveletter;

import static io.roundtable.games.loveletter.Card.label;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.roundtable.core.spi.GameRandom;
import io.roundtable.games.loveletter.Match.RoundResult;

/**
 * The match: who wins a round and why, the favour token it earns, and the next round dealt afresh and
 * started by the last round's winner, until someone holds the goal.
 */
final class Rounds {

    private Rounds() {
    }

    /** Deck shuffled; its first card set aside; one card each; {@code starter} draws a second and plays first. */
    static LoveLetterState deal(List<Integer> shuffled, int players, int starter, Match match,
            List<LoveLetterState.Note> log) {
        List<List<Integer>> hands = new ArrayList<>();
        for (int seat = 0; seat < players; seat++) {
            hands.add(seat == starter ? List.of(shuffled.get(1 + seat), shuffled.get(1 + players))
                    : List.of(shuffled.get(1 + seat)));
        }
        return LoveLetterState.dealt(hands, shuffled.subList(2 + players, shuffled.size()), shuffled.get(0), starter,
                match, log);
    }

    /**
     * The round of {@code ended} (turn -1, one player left or the deck empty) is scored: the match is over
     * when a winner reaches the goal, otherwise the next round is dealt with {@code random}.
     */
    static LoveLetterState next(LoveLetterState ended, GameRandom random) {
        RoundResult result = result(ended);
        Match scored = ended.match().scored(result);
        List<LoveLetterState.Note> log = new ArrayList<>(ended.log());
        log.add(new LoveLetterState.Note(null, result.text(), null));
        List<Integer> champions = scored.champions();
        if (!champions.isEmpty()) {
            log.add(new LoveLetterState.Note(null, matchSummary(scored), null));
            return new LoveLetterState(ended.hands(), ended.deck(), ended.aside(), ended.discards(), ended.out(),
                    ended.shielded(), -1, log, scored);
        }
        return deal(random.shuffle(Card.deck()), ended.players(), result.winners().get(0), scored.nextRound(), log);
    }

    /** Who won the round and why; a showdown shows the hands still in. */
    static RoundResult result(LoveLetterState ended) {
        List<Integer> standing = ended.standing();
        List<Integer> winners = winners(ended);
        List<Integer> shown = new ArrayList<>();
        for (int seat = 0; seat < ended.players(); seat++) {
            shown.add(standing.size() > 1 && standing.contains(seat) ? ended.card(seat) : null);
        }
        int round = ended.match().round();
        String to = "Round " + round + " goes to " + seat(winners.get(0)) + ": ";
        if (standing.size() == 1) {
            return new RoundResult(round, winners, "last_standing", to + "the last one standing.", shown);
        }
        String best = label(ended.card(winners.get(0)));
        if (winners.size() > 1) {
            return new RoundResult(round, winners, "shared", "Round " + round + " is shared by "
                    + winners.stream().map(Rounds::seat).collect(Collectors.joining(" and "))
                    + ": equal cards, the " + best + ", and equal totals face up.", shown);
        }
        long equal = standing.stream().filter(s -> ended.card(s) == ended.card(winners.get(0))).count();
        return equal > 1
                ? new RoundResult(round, winners, "face_up_total", to + "the highest card, the " + best
                        + ", and the higher total face up.", shown)
                : new RoundResult(round, winners, "highest_card", to + "the highest card, the " + best + ".", shown);
    }

    /** The best hand still in; ties go to the higher total face up, then share the round. */
    static List<Integer> winners(LoveLetterState state) {
        int best = state.standing().stream().mapToInt(s -> score(state, s)).max().orElseThrow();
        return state.standing().stream().filter(s -> score(state, s) == best).toList();
    }

    private static int score(LoveLetterState state, int seat) {
        return state.card(seat) * 100 + state.discardTotal(seat);
    }

    /** "Seat 2 wins the match with 4 favour tokens." */
    static String matchSummary(Match match) {
        List<Integer> champions = match.champions();
        String tokens = tokens(match.tokens().get(champions.get(0)));
        return champions.size() == 1
                ? "S" + seat(champions.get(0)).substring(1) + " wins the match with " + tokens + "."
                : "S" + champions.stream().map(Rounds::seat).collect(Collectors.joining(" and ")).substring(1)
                        + " share the match with " + tokens + " each.";
    }

    /** "1 favour token", "3 favour tokens". */
    static String tokens(int count) {
        return count + (count == 1 ? " favour token" : " favour tokens");
    }

    /** "seat 1" for seat index 0: people count seats from 1. */
    static String seat(int seat) {
        return "seat " + (seat + 1);
    }
}
