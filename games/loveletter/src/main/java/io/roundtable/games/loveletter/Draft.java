package io.roundtable.games.loveletter;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.roundtable.games.loveletter.LoveLetterState.Note;

/**
 * A mutable working copy of one state, used while one play resolves and then frozen into the next
 * state: {@code apply} stays a pure function, and each effect reads as a few plain steps.
 */
final class Draft {
    final List<List<Integer>> hands = new ArrayList<>();
    final List<Integer> deck;
    Integer aside;
    final List<List<Integer>> discards = new ArrayList<>();
    final TreeSet<Integer> out;
    final TreeSet<Integer> shielded;
    int turn;
    final List<Note> log;
    final Match match;

    Draft(LoveLetterState state) {
        state.hands().forEach(hand -> hands.add(new ArrayList<>(hand)));
        deck = new ArrayList<>(state.deck());
        aside = state.aside();
        state.discards().forEach(pile -> discards.add(new ArrayList<>(pile)));
        out = new TreeSet<>(state.out());
        shielded = new TreeSet<>(state.shielded());
        turn = state.turn();
        log = new ArrayList<>(state.log());
        match = state.match();
    }

    int card(int seat) {
        return hands.get(seat).get(0);
    }

    /** Moves one card from a seat's hand to its face-up pile. */
    void discard(int seat, int card) {
        hands.get(seat).remove(Integer.valueOf(card));
        discards.get(seat).add(card);
    }

    /** The seat is out: what it still holds goes face up. */
    void knockOut(int seat) {
        discards.get(seat).addAll(hands.get(seat));
        hands.get(seat).clear();
        out.add(seat);
        shielded.remove(seat);
    }

    /** The top card of the deck, or the set-aside card when the deck is empty. */
    void draw(int seat) {
        if (deck.isEmpty()) {
            hands.get(seat).add(aside);
            aside = null;
        } else {
            hands.get(seat).add(deck.remove(0));
        }
    }

    List<Integer> standing() {
        List<Integer> seats = new ArrayList<>();
        for (int seat = 0; seat < hands.size(); seat++) {
            if (!out.contains(seat)) {
                seats.add(seat);
            }
        }
        return seats;
    }

    /** A public line of the log. */
    void say(String text) {
        log.add(new Note(null, text, null));
    }

    /** A private line: only {@code seat} reads it, with {@code card} in place of {@code {card}}. */
    void tell(int seat, String text, int card) {
        log.add(new Note(seat, text, card));
    }

    LoveLetterState freeze() {
        return new LoveLetterState(hands, deck, aside, discards, List.copyOf(out), List.copyOf(shielded), turn, log,
                match);
    }
}
