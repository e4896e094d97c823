package io.roundtable.sample.highcard;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a seat can do: keep or swap its card in turn, then bet. On the wire: {@code {"type":"bet","call":"high"}}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HighCardAction.Keep.class, name = "keep"),
        @JsonSubTypes.Type(value = HighCardAction.Swap.class, name = "swap"),
        @JsonSubTypes.Type(value = HighCardAction.Bet.class, name = "bet") })
public sealed interface HighCardAction {

    record Keep() implements HighCardAction {
    }

    /** Discards the card face down and draws the next card of the deck. */
    record Swap() implements HighCardAction {
    }

    /** {@code "high"} stays in for the pot, {@code "low"} folds. */
    record Bet(String call) implements HighCardAction {
    }

    static HighCardAction keep() {
        return new Keep();
    }

    static HighCardAction swap() {
        return new Swap();
    }

    static HighCardAction bet(String call) {
        return new Bet(call);
    }
}
