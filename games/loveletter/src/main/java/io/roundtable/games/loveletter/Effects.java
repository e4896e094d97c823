package io.roundtable.games.loveletter;

import static io.roundtable.games.loveletter.Card.ALCHEMIST;
import static io.roundtable.games.loveletter.Card.DUELIST;
import static io.roundtable.games.loveletter.Card.HEIR;
import static io.roundtable.games.loveletter.Card.ORACLE;
import static io.roundtable.games.loveletter.Card.SENTRY;
import static io.roundtable.games.loveletter.Card.SMUGGLER;
import static io.roundtable.games.loveletter.Card.WARDEN;
import static io.roundtable.games.loveletter.Card.label;

import java.util.List;

import io.roundtable.games.loveletter.Card.Aim;
import io.roundtable.games.loveletter.LoveLetterAction.Play;

/**
 * What each card does once played. Public lines go to everyone's log; what only some players see
 * (a hand shown by the Oracle or the Duelist, the hand received from the Smuggler) goes into private
 * lines, each holding the card it reveals.
 */
final class Effects {

    private Effects() {
    }

    /** Does what the card played says; a card whose every possible target is protected does nothing. */
    static void resolve(Draft d, int seat, Play play) {
        Integer target = play.target();
        if (target == null && Card.of(play.card()).aim() != Aim.NONE) {
            d.say("Nobody can be chosen: the card has no effect.");
            return;
        }
        switch (play.card()) {
            case SENTRY -> {
                boolean hit = d.card(target) == play.guess();
                d.say("Seat " + (target + 1) + (hit ? " holds it and is out." : " does not hold it."));
                if (hit) {
                    d.knockOut(target);
                }
            }
            case ORACLE -> d.tell(seat, "Seat " + (target + 1) + " shows you the {card}.", d.card(target));
            case DUELIST -> duel(d, seat, target);
            case WARDEN -> d.shielded.add(seat);
            case ALCHEMIST -> {
                int dropped = d.card(target);
                d.discard(target, dropped);
                d.say("Seat " + (target + 1) + " discards the " + label(dropped) + (dropped == HEIR ? " and is out."
                        : d.deck.isEmpty() ? " and takes the set-aside card." : " and draws a new card."));
                if (dropped == HEIR) {
                    d.knockOut(target);
                } else {
                    d.draw(target);
                }
            }
            case SMUGGLER -> {
                List<Integer> mine = d.hands.get(seat);
                d.hands.set(seat, d.hands.get(target));
                d.hands.set(target, mine);
                d.tell(seat, "You receive the {card} from " + Rounds.seat(target) + ".", d.card(seat));
                d.tell(target, "You receive the {card} from " + Rounds.seat(seat) + ".", d.card(target));
            }
            case HEIR -> {
                d.say("Seat " + (seat + 1) + " gave up the Heir and is out.");
                d.knockOut(seat);
            }
            default -> { } // the Dowager does nothing
        }
    }

    /** The two see each other's card; the lower one is out, and so shown to all. */
    private static void duel(Draft d, int seat, int target) {
        int mine = d.card(seat);
        int theirs = d.card(target);
        if (mine == theirs) {
            d.tell(seat, "Seat " + (target + 1) + " holds the {card} too.", theirs);
            d.tell(target, "Seat " + (seat + 1) + " holds the {card} too.", mine);
            d.say("Seat " + (seat + 1) + " and " + Rounds.seat(target) + " hold equal cards: nobody is out.");
            return;
        }
        int loser = mine < theirs ? seat : target;
        int winner = loser == seat ? target : seat;
        d.tell(loser, "Seat " + (winner + 1) + " beats you with the {card}.", d.card(winner));
        d.say("Seat " + (loser + 1) + " has the lower card, the " + label(d.card(loser)) + ", and is out.");
        d.knockOut(loser);
    }
}
