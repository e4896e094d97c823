package io.roundtable.games.loveletter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The round being played and the match around it, secrets included. Each hidden fact lives in one place: a card in a hand in
 * {@code hands}, an undrawn card in {@code deck}, the card set aside face down in {@code aside}, what a
 * player privately learned in the {@code card} of a {@link Note} addressed to them.
 *
 * @param hands    per seat, the cards held (two for the seat on turn, one otherwise, none once out)
 * @param deck     the draw pile, top first
 * @param aside    the card set aside face down at setup; null once an Alchemist made someone draw it
 * @param discards per seat, the cards played or discarded face up, in order
 * @param out      the seats knocked out of the round
 * @param shielded the seats a Warden protects until their next turn
 * @param turn     the seat on turn; -1 once the match is over
 * @param log      what happened in the match, public lines and private ones
 * @param match    the round's number, the favour tokens and how the last round ended (all public)
 */
public record LoveLetterState(List<List<Integer>> hands, List<Integer> deck, Integer aside,
        List<List<Integer>> discards, List<Integer> out, List<Integer> shielded, int turn, List<Note> log,
        Match match) {

    /**
     * One line of the log. {@code to} null: everyone reads it; otherwise only that seat. A private
     * line's {@code card} is what its reader learned, shown where the text says {@code {card}}.
     */
    public record Note(Integer to, String text, Integer card) {
    }

    public LoveLetterState {
        hands = hands.stream().map(List::copyOf).toList();
        deck = List.copyOf(deck);
        discards = discards.stream().map(List::copyOf).toList();
        out = List.copyOf(out);
        shielded = List.copyOf(shielded);
        log = List.copyOf(log);
    }

    /** A first round just dealt: {@code hands} as given (seat 0 already holding its second card), seat 0 on turn. */
    public static LoveLetterState dealt(List<List<Integer>> hands, List<Integer> deck, Integer aside) {
        return dealt(hands, deck, aside, 0, Match.first(hands.size(), Match.goalFor(hands.size(), null)), List.of());
    }

    /** Round {@code match.round()} just dealt, {@code starter} on turn holding two cards; the log goes on. */
    static LoveLetterState dealt(List<List<Integer>> hands, List<Integer> deck, Integer aside, int starter, Match match,
            List<Note> log) {
        List<Note> lines = new ArrayList<>(log);
        lines.add(new Note(null, "Round " + match.round() + ": a card is set aside face down. Seat " + (starter + 1)
                + " plays first.", null));
        return new LoveLetterState(hands, deck, aside, Collections.nCopies(hands.size(), List.of()), List.of(),
                List.of(), starter, lines, match);
    }

    public int players() {
        return hands.size();
    }

    /** Whether the match is over (a round that ends short of the goal is followed by the next at once). */
    public boolean over() {
        return turn < 0;
    }

    /** The seats still in the round, in seat order. */
    public List<Integer> standing() {
        List<Integer> seats = new ArrayList<>();
        for (int seat = 0; seat < players(); seat++) {
            if (!out.contains(seat)) {
                seats.add(seat);
            }
        }
        return seats;
    }

    /** The value of the one card a seat off turn holds. */
    public int card(int seat) {
        return hands.get(seat).get(0);
    }

    /** The sum of a seat's face-up cards: the tie-break of a showdown. */
    public int discardTotal(int seat) {
        return discards.get(seat).stream().mapToInt(Integer::intValue).sum();
    }
}
