package io.roundtable.games.loveletter;

import io.roundtable.core.spi.Policy;

/**
 * How a room of Palace Letters is created: {@code {"turnSeconds":60,"seatLoss":"BOT"}}. Both fields
 * may be left out; the compact constructor fills in the defaults.
 *
 * @param turnSeconds seconds a player has for a turn, 0 for no timer (default 0)
 * @param seatLoss    what happens to the seat of a player who leaves or stays silent (default {@code BOT})
 */
public record LoveLetterOptions(Integer turnSeconds, Policy.SeatLoss seatLoss) {
    public LoveLetterOptions {
        turnSeconds = turnSeconds == null ? 0 : turnSeconds; // boxed: a missing int would be refused
        seatLoss = seatLoss == null ? Policy.SeatLoss.BOT : seatLoss; // a missing field reads as null
    }

    public static LoveLetterOptions defaults() {
        return new LoveLetterOptions(0, Policy.SeatLoss.BOT);
    }
}
