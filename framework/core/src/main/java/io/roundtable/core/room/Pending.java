package io.roundtable.core.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.roundtable.core.message.Delivery;

/** A change in the making while the engine handles one command: the room so far and what the {@link Result} will report besides it. */
final class Pending {
    private final Room before;
    Room room;
    final Instant now;
    final List<Move> moves = new ArrayList<>();
    final List<Object> events = new ArrayList<>();
    final List<Delivery> deliveries = new ArrayList<>();

    Pending(Room room, Instant now) {
        this.before = room;
        this.room = room;
        this.now = now;
    }

    /**
     * Whether the game moved in this change: its phase, its state or move log, a pause, or who controls a
     * seat (a stand-in bot came or went). Chat, presence and ready flags are not the game.
     */
    boolean gameChanged() {
        return room.phase() != before.phase() || room.state() != before.state() || room.slot().moves() != before.slot().moves()
                || room.slot().paused() != before.slot().paused() || before.seated().stream().anyMatch(m -> room.member(m.id())
                        .filter(now -> now.playedByBot() != m.playedByBot()).isPresent());
    }

    /** Commits: the next version; moves are stamped with it. */
    Result commit(String member) {
        Room committed = room.committed(now, gameChanged());
        List<Move> stamped = moves.stream()
                .map(m -> new Move(m.index(), m.kind(), m.seat(), m.action(), m.by(), m.at(), committed.version()))
                .toList();
        return new Result(committed, new Reply.Accepted(committed.version(), member, false), true, deliveries, stamped,
                events, false);
    }
}
