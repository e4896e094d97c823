package io.roundtable.games.loveletter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The match around the rounds, all of it public: rounds are played until a player holds {@code goal}
 * favour tokens; each round's winner gets one and starts the next.
 *
 * @param round  the round being played, from 1
 * @param goal   the favour tokens that win the match
 * @param tokens per seat, the favour tokens won so far
 * @param last   how the previous round ended; null in the first round
 */
public record Match(int round, int goal, List<Integer> tokens, RoundResult last) {

    public Match {
        tokens = List.copyOf(tokens);
    }

    /**
     * How a round ended: who won it and why, and the hands the showdown revealed.
     *
     * @param round   the round's number
     * @param winners the seats that won it (more than one when the best hands tie in every way)
     * @param reason  {@code last_standing}, {@code highest_card}, {@code face_up_total} (equal best cards,
     *                the higher total face up) or {@code shared}
     * @param text    the same as a sentence
     * @param shown   per seat, the card it showed when the deck ran out; null for a seat that was out, and
     *                every entry null when the round ended with one player left (nobody shows a hand)
     */
    public record RoundResult(int round, List<Integer> winners, String reason, String text, List<Integer> shown) {
        public RoundResult {
            winners = List.copyOf(winners);
            shown = Collections.unmodifiableList(new ArrayList<>(shown)); // may hold nulls
        }
    }

    /** The classic goals for a 16-card deck: 7 tokens for two players, 5 for three, 4 for four. */
    static int goalFor(int players, Integer tokensToWin) {
        return tokensToWin != null ? tokensToWin : players == 2 ? 7 : players == 3 ? 5 : 4;
    }

    /** The first round of a match, nobody holding a token yet. */
    static Match first(int players, int goal) {
        return new Match(1, goal, Collections.nCopies(players, 0), null);
    }

    /** The round ended as {@code result}: its winners get a token each. */
    Match scored(RoundResult result) {
        List<Integer> next = new ArrayList<>(tokens);
        result.winners().forEach(seat -> next.set(seat, next.get(seat) + 1));
        return new Match(round, goal, next, result);
    }

    /** The next round. */
    Match nextRound() {
        return new Match(round + 1, goal, tokens, last);
    }

    /** The seats holding the goal; empty while the match goes on. */
    List<Integer> champions() {
        List<Integer> seats = new ArrayList<>();
        for (int seat = 0; seat < tokens.size(); seat++) {
            if (tokens.get(seat) >= goal) {
                seats.add(seat);
            }
        }
        return seats;
    }
}
