package io.roundtable.games.liarsdice;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What the seat on turn can do. On the wire: {@code {"type":"bid","count":3,"face":4}}, {@code {"type":"liar"}}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = LiarsDiceAction.Bid.class, name = "bid"),
        @JsonSubTypes.Type(value = LiarsDiceAction.Liar.class, name = "liar") })
public sealed interface LiarsDiceAction {

    /** "At least {@code count} dice on the table show {@code face}" (ones count for every face). */
    record Bid(int count, int face) implements LiarsDiceAction {
    }

    /** Calls the last bid a lie: every die is shown and counted. */
    record Liar() implements LiarsDiceAction {
    }

    static LiarsDiceAction bid(int count, int face) {
        return new Bid(count, face);
    }

    static LiarsDiceAction liar() {
        return new Liar();
    }
}
