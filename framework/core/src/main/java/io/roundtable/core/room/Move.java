package io.roundtable.core.room;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a match's move log. With the seed, the options and the player count, the moves
 * replay the game exactly ({@link Replay}).
 *
 * @param index  0-based position in the log
 * @param kind   {@code act}: a seat's action; {@code join} / {@code leave}: a dynamic seat came or went
 * @param by     {@code player}, {@code bot} or {@code timeout}
 * @param version the room version this move was committed at
 */
public record Move(long index, String kind, int seat, JsonNode action, String by, Instant at, long version) {
    public static final String ACT = "act";
    public static final String JOIN = "join";
    public static final String LEAVE = "leave";

    /** The same move with another action (what a viewer may know of it). */
    public Move withAction(JsonNode shown) {
        return new Move(index, kind, seat, shown, by, at, version);
    }
}
