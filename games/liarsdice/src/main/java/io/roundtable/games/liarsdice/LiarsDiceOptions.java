package io.roundtable.games.liarsdice;

import io.roundtable.core.spi.Policy;

/**
 * How a room is created, e.g. {@code {"dice":3}}; {@code {}} gives the defaults.
 *
 * @param dice     dice per player at the start, 1 to 6 (default 5)
 * @param seatLoss what happens when a player goes away for good (default: a bot plays on)
 */
public record LiarsDiceOptions(Integer dice, Policy.SeatLoss seatLoss) {
    public LiarsDiceOptions {
        dice = dice == null ? 5 : dice; // a missing field reads as null
        seatLoss = seatLoss == null ? Policy.SeatLoss.BOT : seatLoss;
    }

    public static LiarsDiceOptions defaults() {
        return new LiarsDiceOptions(5, Policy.SeatLoss.BOT);
    }
}
