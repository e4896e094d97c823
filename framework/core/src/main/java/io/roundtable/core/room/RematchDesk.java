package io.roundtable.core.room;

import java.time.Instant;

import io.roundtable.core.error.ErrorCode;

/** Playing again with the same table: a finished room points, once, to the room its table moves on to. */
final class RematchDesk {

    private RematchDesk() {
    }

    /**
     * Any member of a finished room may ask, a spectator too (they may follow as spectators). The first
     * ask is a change (the room's {@code next} is set, every viewer's frame shows it); a later ask changes
     * nothing and is accepted: its room's {@code next} is the one already chosen.
     */
    static Result rematch(Room room, Command.Rematch ask, Instant now) {
        if (room.member(ask.member()).isEmpty()) {
            return Result.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        if (room.phase() != Phase.FINISHED) {
            return Result.rejected(room, ErrorCode.ROOM_WRONG_PHASE.rejection(
                    "Playing again with the same table is offered once this game is over."));
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
