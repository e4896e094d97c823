package io.roundtable.core.room;

import java.util.List;

import io.roundtable.core.message.Delivery;
import io.roundtable.core.spi.Rejection;

/**
 * What one command did: the room after it, the reply for the sender, and what the runtime must
 * store and push besides the room (inbox deliveries, new moves for the log, public events).
 *
 * @param changed  false when nothing changed (rejections, no-op heartbeats): nothing to store
 * @param expired  the room should be removed (idle for too long)
 */
public record Result(Room room, Reply reply, boolean changed, List<Delivery> deliveries, List<Move> moves,
        List<Object> events, boolean expired) {

    public Result {
        deliveries = List.copyOf(deliveries);
        moves = List.copyOf(moves);
        events = List.copyOf(events);
    }

    static Result unchanged(Room room, Reply reply) {
        return new Result(room, reply, false, List.of(), List.of(), List.of(), false);
    }

    static Result rejected(Room room, Rejection rejection) {
        return unchanged(room, new Reply.Rejected(rejection, room.version()));
    }
}
