package io.roundtable.core.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.roundtable.core.message.Delivery;

/** A change being built by the engine: the room so far and what the step will report besides it. */
final class Change {
    Room room;
    final Instant now;
    final List<Move> moves = new ArrayList<>();
    final List<Object> events = new ArrayList<>();
    final List<Delivery> deliveries = new ArrayList<>();
    boolean gameChanged;

    Change(Room room, Instant now) {
        this.room = room;
        this.now = now;
    }

    /** Commits: the next version; moves are stamped with it. */
    Step commit(String member) {
        Room committed = room.committed(now, gameChanged);
        List<Move> stamped = moves.stream()
                .map(m -> new Move(m.index(), m.kind(), m.seat(), m.action(), m.by(), m.at(), committed.version()))
                .toList();
        return new Step(committed, new Reply.Accepted(committed.version(), member, false), true, deliveries, stamped,
                events, false);
    }
}
