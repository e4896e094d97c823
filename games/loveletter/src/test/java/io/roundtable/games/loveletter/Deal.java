package io.roundtable.games.loveletter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.roundtable.testkit.GameScenario;

/**
 * A hand-dealt round for scenarios: {@code Deal.hands(hand(SENTRY, WARDEN), hand(ORACLE)).deck(DUELIST,
 * HEIR).aside(SENTRY).start()}. Seat 0 is on turn and holds two cards, as after its first draw. The
 * round is a whole match (one favour token wins it) unless {@link #goal} and {@link #tokens} say otherwise.
 */
final class Deal {
    private final List<List<Integer>> hands;
    private List<Integer> deck = List.of();
    private Integer aside = Card.SENTRY;
    private int goal = 1;
    private List<Integer> tokens;

    private Deal(List<List<Integer>> hands) {
        this.hands = hands;
    }

    @SafeVarargs
    static Deal hands(List<Integer>... hands) {
        return new Deal(new ArrayList<>(Arrays.asList(hands)));
    }

    static List<Integer> hand(Integer... cards) {
        return List.of(cards);
    }

    Deal deck(Integer... cards) {
        this.deck = List.of(cards);
        return this;
    }

    Deal aside(int card) {
        this.aside = card;
        return this;
    }

    /** The match is won with {@code favourTokens}. */
    Deal goal(int favourTokens) {
        this.goal = favourTokens;
        return this;
    }

    /** The favour tokens each seat already holds; this is the round after the last one with a winner. */
    Deal tokens(Integer... perSeat) {
        this.tokens = List.of(perSeat);
        return this;
    }

    LoveLetterState state() {
        List<Integer> held = tokens == null ? java.util.Collections.nCopies(hands.size(), 0) : tokens;
        int round = 1 + held.stream().mapToInt(Integer::intValue).sum();
        return LoveLetterState.dealt(hands, deck, aside, 0, new Match(round, goal, held, null), List.of());
    }

    GameScenario<LoveLetterOptions, LoveLetterState, LoveLetterAction> start() {
        return GameScenario.of(new LoveLetter()).players(hands.size()).dealt(s -> state()).start();
    }
}
