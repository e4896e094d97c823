package io.roundtable.sample.highcard;

import io.roundtable.core.spi.Policy;

/**
 * How a HighCard room is set up.
 *
 * @param turnSeconds how long each step may take; 0 means no turn timer
 * @param seatLoss    what happens to a seat whose player is gone for good (BOT by default)
 */
public record HighCardOptions(int turnSeconds, Policy.SeatLoss seatLoss) {
    public HighCardOptions {
        seatLoss = seatLoss == null ? Policy.SeatLoss.BOT : seatLoss;
    }

    public static HighCardOptions defaults() {
        return new HighCardOptions(0, Policy.SeatLoss.BOT);
    }

    public static HighCardOptions timed(int seconds) {
        return new HighCardOptions(seconds, Policy.SeatLoss.BOT);
    }

    public static HighCardOptions onSeatLoss(Policy.SeatLoss seatLoss) {
        return new HighCardOptions(0, seatLoss);
    }
}
