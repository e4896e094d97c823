package io.roundtable.games.loveletter;

import static io.roundtable.games.loveletter.Card.ALCHEMIST;
import static io.roundtable.games.loveletter.Card.DOWAGER;
import static io.roundtable.games.loveletter.Card.HEIR;
import static io.roundtable.games.loveletter.Card.ORACLE;
import static io.roundtable.games.loveletter.Card.SENTRY;
import static io.roundtable.games.loveletter.Card.SMUGGLER;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;

import io.roundtable.core.spi.Rejection;
import io.roundtable.games.loveletter.Card.Aim;
import io.roundtable.games.loveletter.LoveLetterAction.Play;
import io.roundtable.games.loveletter.LoveLetterView.Choice;
import io.roundtable.games.loveletter.LoveLetterView.Option;

/**
 * Which plays are legal. One source for the rejections of {@code apply}, the {@code youMay} of the
 * view and the bot, and all of it depends only on the player's own hand and on public facts
 * (who is out, who is protected), so a refusal never tells a player anything hidden.
 */
final class Plays {
    static final List<Integer> GUESSES = IntStream.rangeClosed(ORACLE, HEIR).boxed().toList();

    private Plays() {
    }

    /** Why {@code seat} may not make this play; empty when it may. */
    static Optional<Rejection> problem(LoveLetterState state, int seat, Play play) {
        List<Integer> hand = state.hands().get(seat);
        if (!hand.contains(play.card())) {
            return no("not_in_hand", "You do not hold that card.");
        }
        if (play.card() != DOWAGER && mustPlayDowager(hand)) {
            return no("must_play_dowager", "With the Alchemist or the Smuggler in hand, you must play the Dowager.");
        }
        List<Integer> targets = targets(state, seat, play.card());
        if (play.target() != null && !targets.contains(play.target())) {
            return no("bad_target", Card.of(play.card()).aim() == Aim.NONE ? "This card chooses nobody."
                    : "Choose a player still in the round whom no Warden protects"
                            + (play.card() == ALCHEMIST ? " (or yourself)." : ", other than yourself."));
        }
        if (play.target() == null && !targets.isEmpty()) {
            return no("target_needed", "Choose a player for this card.");
        }
        boolean names = play.card() == SENTRY && play.target() != null;
        if (names && (play.guess() == null || !GUESSES.contains(play.guess()))) {
            return no("guess_needed", "Name a card from 2 to 8: a Sentry cannot name the Sentry.");
        }
        if (!names && play.guess() != null) {
            return no("no_guess", "Only a Sentry that chooses a player names a card.");
        }
        return Optional.empty();
    }

    /** The seats a card played by {@code seat} may choose; empty when it chooses nobody or all are protected. */
    static List<Integer> targets(LoveLetterState state, int seat, int card) {
        Aim aim = Card.of(card).aim();
        List<Integer> seats = new ArrayList<>();
        for (int t = 0; t < state.players() && aim != Aim.NONE; t++) {
            if (t == seat ? aim == Aim.ANY : !state.out().contains(t) && !state.shielded().contains(t)) {
                seats.add(t);
            }
        }
        return seats;
    }

    /** Every legal play of {@code seat}: one option per card it may play, with the choices the card needs. */
    static List<Option> options(LoveLetterState state, int seat) {
        List<Integer> hand = state.hands().get(seat);
        List<Option> options = new ArrayList<>();
        for (int card : new TreeSet<>(hand)) {
            if (card != DOWAGER && mustPlayDowager(hand)) {
                continue;
            }
            List<Integer> targets = targets(state, seat, card);
            List<Choice> choose = new ArrayList<>();
            if (!targets.isEmpty()) {
                choose.add(new Choice("target", targets));
                if (card == SENTRY) {
                    choose.add(new Choice("guess", GUESSES));
                }
            }
            options.add(new Option(LoveLetterAction.play(card), "Play the " + Card.label(card), choose));
        }
        return options;
    }

    private static boolean mustPlayDowager(List<Integer> hand) {
        return hand.contains(DOWAGER) && (hand.contains(ALCHEMIST) || hand.contains(SMUGGLER));
    }

    private static Optional<Rejection> no(String code, String sentence) {
        return Optional.of(new Rejection("loveletter/" + code, sentence));
    }
}
