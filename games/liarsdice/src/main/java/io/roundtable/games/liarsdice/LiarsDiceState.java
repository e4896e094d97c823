package io.roundtable.games.liarsdice;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole game, secrets included: each seat's dice this round (none once it is out), whose turn it
 * is, the bid standing, and the last call with every die it showed. Helpers are named without get/is
 * so that they stay out of the JSON.
 *
 * @param dice     per seat, the dice rolled this round (hidden from the others)
 * @param turn     the seat on turn
 * @param bid      the bid standing this round, null before the first
 * @param lastCall the last call of "liar" (public: all dice were shown), null before the first
 */
public record LiarsDiceState(List<List<Integer>> dice, int turn, Standing bid, Call lastCall) {

    /** A bid and who made it. */
    public record Standing(int seat, int count, int face) {
    }

    /**
     * A call and what it showed.
     *
     * @param shown per seat, the dice everyone saw
     * @param found how many dice showed the face or a one
     * @param loser the seat that lost a die
     */
    public record Call(int caller, Standing bid, List<List<Integer>> shown, int found, int loser) {
        public Call {
            shown = shown.stream().map(List::copyOf).toList();
        }
    }

    public LiarsDiceState {
        dice = dice.stream().map(List::copyOf).toList();
    }

    LiarsDiceState withTurn(int seat) {
        return new LiarsDiceState(dice, seat, bid, lastCall);
    }

    public int players() {
        return dice.size();
    }

    public boolean in(int seat) {
        return !dice.get(seat).isEmpty();
    }

    public int diceOnTable() {
        return dice.stream().mapToInt(List::size).sum();
    }

    public List<Integer> standing() {
        List<Integer> seats = new ArrayList<>();
        for (int seat = 0; seat < players(); seat++) {
            if (in(seat)) {
                seats.add(seat);
            }
        }
        return seats;
    }

    public boolean over() {
        return standing().size() <= 1;
    }

    /** The next seat after {@code seat} that still has dice. */
    public int nextAfter(int seat) {
        for (int step = 1; step <= players(); step++) {
            int next = (seat + step) % players();
            if (in(next)) {
                return next;
            }
        }
        return seat;
    }

    /** How many dice on the table show {@code face}, ones counting for every face. */
    public int showing(int face) {
        return (int) dice.stream().flatMap(List::stream).filter(d -> d == face || d == 1).count();
    }
}
