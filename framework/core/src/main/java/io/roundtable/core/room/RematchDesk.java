package io.roundtable.core.room;

import java.time.Instant;
import java.util.Optional;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.spi.Rejection;

/** Playing again with the same table: a finished room points, once, to the room its table moves on to. */
public final class RematchDesk {

    private RematchDesk() {
    }

    /**
     * Why {@code member} may not ask {@code room} for its next table (empty: they may). Any member of a
     * finished room may ask, a spectator too (they may follow as spectators). Asking changes nothing.
     */
    public static Optional<Rejection> refusal(Room room, String member) {
        if (room.member(member).isEmpty()) {
            return Optional.of(ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        if (room.phase() != Phase.FINISHED) {
            return Optional.of(ErrorCode.ROOM_WRONG_PHASE.rejection(
                    "Playing again with the same table is offered once this game is over."));
        }
        return Optional.empty();
    }

    /**
     * The first accepted ask is a change (the room's {@code next} is set, every viewer's frame shows it); a
     * later ask changes nothing and is accepted: its room's {@code next} is the one already chosen.
     */
    static Result rematch(Room room, Command.Rematch ask, Instant now) {
        Optional<Rejection> refused = refusal(room, ask.member());
        if (refused.isPresent()) {
            return Result.rejected(room, refused.get());
        }
        if (room.next() != null) {
            return Result.unchanged(room, new Reply.Accepted(room.version(), ask.member(), false));
        }
        if (ask.nextRoom() == null || ask.nextRoom().isBlank() || ask.nextRoom().equals(room.id())) {
            return Result.rejected(room, ErrorCode.REQUEST_INVALID.rejection("A rematch names another room."));
        }
        return new Pending(room.withNext(new NextTable(ask.nextRoom(), ask.member())).withLastActiveAt(now), now).commit(ask.member());
    }
}
