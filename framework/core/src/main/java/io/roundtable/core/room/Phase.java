package io.roundtable.core.room;

/** Where a room is in its life. */
public enum Phase {
    /** Seats fill and players get ready (fixed rooms). */
    LOBBY,
    /** Everyone is seated and ready; a short countdown, then play. Any unready or leave returns to the lobby. */
    BARRIER,
    /** The game is on. Dynamic rooms are here from their first member. */
    PLAY,
    /** The game is over; the room waits to be archived. */
    FINISHED
}
