package io.roundtable.runtime.store;

import java.time.Instant;
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

    /** Every card, newest first. */
    Uni<List<RoomCard>> cards();

    /** How many rooms have a card. */
    Uni<Long> liveRooms();

    /**
     * Claims up to {@code batch} rooms due by {@code now}, earliest first, and reschedules them at
     * {@code next}, in one atomic step, so that each due room is swept by one node only.
     */
    Uni<List<String>> claimDue(Instant now, Instant next, int batch);
}
