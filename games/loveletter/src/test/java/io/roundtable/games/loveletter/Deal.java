package io.roundtable.games.loveletter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.roundtable.testkit.GameScenario;

/**
 * A hand-dealt round for scenarios: {@code Deal.hands(hand(SENTRY, WARDEN), hand(ORACLE)).deck(DUELIST,
 * HEIR).aside(SENTRY).start()}. Seat 0 is on turn and holds two cards, as after its first draw.
 */
final class Deal {
    private final List<List<Integer>> hands;
    private List<Integer> deck = List.of();
    private Integer aside = Card.SENTRY;

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

    LoveLetterState state() {
        return LoveLetterState.dealt(hands, deck, aside);
    }

    GameScenario<LoveLetterOptions, LoveLetterState, LoveLetterAction> start() {
        return GameScenario.of(new LoveLetter()).players(hands.size()).dealt(s -> state()).start();
    }
}
