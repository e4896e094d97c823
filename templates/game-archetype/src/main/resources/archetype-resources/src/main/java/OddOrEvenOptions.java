package ${package};

import io.roundtable.core.spi.Policy;

/** How a room is created, e.g. {@code {"seatLoss":"PAUSE"}}; {@code {}} gives the defaults. */
public record OddOrEvenOptions(Policy.SeatLoss seatLoss) {
    public OddOrEvenOptions {
        seatLoss = seatLoss == null ? Policy.SeatLoss.BOT : seatLoss; // a missing field reads as null
    }

    public static OddOrEvenOptions defaults() {
        return new OddOrEvenOptions(Policy.SeatLoss.BOT);
    }
}
