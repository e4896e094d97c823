package io.roundtable.games.loveletter;

import java.util.ArrayList;
import java.util.List;

/**
 * One kind of card: its value, name, how many copies the 16-card deck holds, whom it may choose and
 * what it does. The whole deck is this table; only the effects in {@link Effects} are code.
 */
public record Card(int value, String name, int copies, Aim aim, String text) {
    public static final int SENTRY = 1;
    public static final int ORACLE = 2;
    public static final int DUELIST = 3;
    public static final int WARDEN = 4;
    public static final int ALCHEMIST = 5;
    public static final int SMUGGLER = 6;
    public static final int DOWAGER = 7;
    public static final int HEIR = 8;

    /** Whom a card chooses: nobody, another player, or any player including yourself. */
    public enum Aim { NONE, OTHER, ANY }

    public static final List<Card> ALL = List.of(
            new Card(SENTRY, "Sentry", 5, Aim.OTHER,
                    "Choose another player and name a card other than the Sentry: if they hold it, they are out."),
            new Card(ORACLE, "Oracle", 2, Aim.OTHER, "Look at another player's hand. Only you see it."),
            new Card(DUELIST, "Duelist", 2, Aim.OTHER,
                    "You and another player show each other your hands: the lower card is out. A tie changes nothing."),
            new Card(WARDEN, "Warden", 2, Aim.NONE, "Until your next turn, no card can choose you."),
            new Card(ALCHEMIST, "Alchemist", 2, Aim.ANY,
                    "Choose any player, you too: they discard their hand and draw a new card."),
            new Card(SMUGGLER, "Smuggler", 1, Aim.OTHER, "Trade hands with another player."),
            new Card(DOWAGER, "Dowager", 1, Aim.NONE,
                    "No effect, but you must play her when your other card is the Alchemist or the Smuggler."),
            new Card(HEIR, "Heir", 1, Aim.NONE, "If you discard the Heir, for any reason, you are out."));

    public static Card of(int value) {
        return ALL.get(value - 1);
    }

    /** The 16 card values of a full deck, in order. */
    public static List<Integer> deck() {
        List<Integer> deck = new ArrayList<>();
        ALL.forEach(card -> deck.addAll(java.util.Collections.nCopies(card.copies(), card.value())));
        return deck;
    }

    /** "Oracle (2)": how logs and buttons name a card. */
    public static String label(int value) {
        return of(value).name() + " (" + value + ")";
    }
}
