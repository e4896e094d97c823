package io.roundtable.core.spi;

/**
 * How a room of this game fills and plays.
 *
 * @param minPlayers fewest seated players to start (fixed) or to stay open (dynamic)
 * @param maxPlayers most seats
 * @param joinMode   fixed (lobby, ready barrier, then play) or dynamic (play from the first member)
 * @param seatLoss   what a fixed game does when a seated player leaves or stays offline past the grace period
 */
public record Policy(int minPlayers, int maxPlayers, JoinMode joinMode, SeatLoss seatLoss) {

    public Policy {
        if (minPlayers < 1 || maxPlayers < minPlayers) {
            throw new IllegalArgumentException("need 1 <= minPlayers <= maxPlayers, got " + minPlayers + ".." + maxPlayers);
        }
    }

    public static Policy fixed(int minPlayers, int maxPlayers, SeatLoss seatLoss) {
        return new Policy(minPlayers, maxPlayers, JoinMode.FIXED, seatLoss);
    }

    public static Policy dynamic(int maxPlayers) {
        return new Policy(1, maxPlayers, JoinMode.DYNAMIC, SeatLoss.FREE_SEAT);
    }

    public enum JoinMode {
        /** Seats fill in the lobby; play starts when enough are seated and all are ready. */
        FIXED,
        /** Playable from the first member; members come and go during play. */
        DYNAMIC
    }

    public enum SeatLoss {
        /** A bot takes the seat over and the game goes on. */
        BOT,
        /** The game pauses until the player comes back. */
        PAUSE,
        /** The game ends without a winner. */
        ABORT,
        /** The seat is simply freed (dynamic rooms). */
        FREE_SEAT
    }
}
