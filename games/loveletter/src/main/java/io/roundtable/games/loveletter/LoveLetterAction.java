package io.roundtable.games.loveletter;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a player does on their turn: play one of their two cards. On the wire:
 * {@code {"type":"play","card":1,"target":2,"guess":5}}, where {@code target} (the seat the card
 * chooses) and {@code guess} (the value a Sentry names) are left out when the card needs none.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = LoveLetterAction.Play.class, name = "play") })
public sealed interface LoveLetterAction {

    record Play(int card, Integer target, Integer guess) implements LoveLetterAction {
        /** The same play, choosing seat {@code seat}. */
        public Play on(int seat) {
            return new Play(card, seat, guess);
        }

        /** The same play, naming card value {@code value} (a Sentry's guess). */
        public Play naming(int value) {
            return new Play(card, target, value);
        }
    }

    static Play play(int card) {
        return new Play(card, null, null);
    }
}
