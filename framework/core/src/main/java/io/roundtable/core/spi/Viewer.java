package io.roundtable.core.spi;

import java.util.OptionalInt;

/** Who is looking: the player in one seat, or a spectator (who only ever sees public facts). */
public record Viewer(int seat) {
    private static final int NO_SEAT = -1;

    public static final Viewer SPECTATOR = new Viewer(NO_SEAT);

    public Viewer {
        if (seat < NO_SEAT) {
            throw new IllegalArgumentException("seat " + seat);
        }
    }

    public static Viewer seat(int seat) {
        if (seat < 0) {
            throw new IllegalArgumentException("seat " + seat);
        }
        return new Viewer(seat);
    }

    public boolean isSpectator() {
        return seat == NO_SEAT;
    }

    public boolean is(int otherSeat) {
        return seat == otherSeat;
    }

    public OptionalInt seatNumber() {
        return isSpectator() ? OptionalInt.empty() : OptionalInt.of(seat);
    }

    @Override
    public String toString() {
        return isSpectator() ? "spectator" : "seat " + seat;
    }
}
