package io.roundtable.sample.highcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole game, secrets included. Each hidden fact lives in exactly one place: a seat's card in
 * {@code hands}, the card it swapped away in {@code discards}, the undealt cards in {@code deck},
 * a bet in {@code bets}.
 *
 * @param turn the seat choosing to keep or swap; -1 once everyone bets
 */
public record HighCardState(List<Integer> hands, List<Integer> deck, List<Integer> discards, List<String> bets,
        int turn) {

    public HighCardState {
        hands = List.copyOf(hands);
        deck = List.copyOf(deck);
        discards = new ArrayList<>(discards); // holds nulls: seats that kept
        bets = new ArrayList<>(bets); // holds nulls: bets not placed yet
    }

    public int players() {
        return hands.size();
    }

    public boolean betting() {
        return turn < 0;
    }

    public boolean over() {
        return betting() && bets.stream().allMatch(Objects::nonNull);
    }

    public boolean swapped(int seat) {
        return discards.get(seat) != null;
    }

    HighCardState withTurn(int next) {
        return new HighCardState(hands, deck, discards, bets, next);
    }

    HighCardState swappedBy(int seat) {
        List<Integer> newHands = new ArrayList<>(hands);
        List<Integer> newDiscards = new ArrayList<>(discards);
        newDiscards.set(seat, hands.get(seat));
        newHands.set(seat, deck.get(0));
        return new HighCardState(newHands, deck.subList(1, deck.size()), newDiscards, bets, turn);
    }

    HighCardState betBy(int seat, String call) {
        List<String> newBets = new ArrayList<>(bets);
        newBets.set(seat, call);
        return new HighCardState(hands, deck, discards, newBets, turn);
    }
}
