package io.roundtable.games.loveletter;

import io.roundtable.core.spi.Policy;

/**
 * How a room of Palace Letters is created: {@code {"turnSeconds":60,"seatLoss":"BOT","tokensToWin":3}}.
 * Every field may be left out; the compact constructor fills in the defaults.
 *
 * @param turnSeconds seconds a player has for a turn, 0 for no timer (default 0)
 * @param seatLoss    what happens to the seat of a player who leaves or stays silent (default {@code BOT})
 * @param tokensToWin favour tokens that win the match, 1 to 7; null (the default) for the classic goal by the
 *                    number of players: 7 for two, 5 for three, 4 for four
 */
public record LoveLetterOptions(Integer turnSeconds, Policy.SeatLoss seatLoss, Integer tokensToWin) {
    public LoveLetterOptions {
        turnSeconds = turnSeconds == null ? 0 : turnSeconds; // boxed: a missing int would be refused
        seatLoss = seatLoss == null ? Policy.SeatLoss.BOT : seatLoss; // a missing field reads as null
    }

    public static LoveLetterOptions defaults() {
        return new LoveLetterOptions(0, Policy.SeatLoss.BOT, null);
    }
}
