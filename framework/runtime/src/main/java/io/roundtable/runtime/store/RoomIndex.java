package io.roundtable.runtime.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * The indexes across rooms: lobby cards, and when each room is next due for a sweep. Derived data,
 * refreshed after every change that alters them. {@link RedisRoomIndex} or {@link InMemoryRoomIndex},
 * as {@code roundtable.store.kind} says.
 */
public interface RoomIndex {

    /** Publishes a room's card and schedules its next sweep no later than {@code due}. */
    Uni<Void> update(RoomCard card, Instant due);

    /** Forgets a room's card and its sweep schedule. */
    Uni<Void> remove(String room);

    /**
     * The newest cards the query asks for, newest first. What it costs grows with the query's limit, not
     * with the number of rooms.
     */
    Uni<List<RoomCard>> cards(LobbyQuery query);

    /** Every card, newest first. */
    default Uni<List<RoomCard>> cards() {
        return cards(LobbyQuery.everything());
    }

    /** How many rooms have a card. */
    Uni<Long> liveRooms();

    /**
     * Claims up to {@code batch} rooms due by {@code now}, earliest first, and reschedules them at
     * {@code next}, in one atomic step, so that each due room is swept by one node only.
     */
    Uni<List<String>> claimDue(Instant now, Instant next, int batch);

    /** Moves a scheduled room's next sweep to {@code at} (a room without a schedule stays without). */
    Uni<Void> reschedule(String room, Instant at);

    /**
     * Claims those of {@code rooms} that are due by {@code dueBy} and reschedules them at {@code next}, in
     * one atomic step (a node claiming the rooms it follows before they are due for the others).
     */
    Uni<List<String>> claimDue(Collection<String> rooms, Instant dueBy, Instant next);
}
