package io.roundtable.runtime.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.roundtable.core.message.Message;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.Result;
import io.smallrye.mutiny.Uni;

/**
 * Live rooms, as the runtime needs them: the room itself, committed with a compare-and-set on its
 * version together with its new moves and the inbox deliveries of the change, and read back with its
 * recent versions; and
 * the members' heartbeats, kept apart from the room; whether a finished room's archive was committed;
 * the secret the nodes share; and the change notices of the rooms a node follows. {@link RedisRoomStore} is shared
 * by every node; {@link InMemoryRoomStore} keeps one process's rooms (tests, single-node experiments);
 * {@code roundtable.store.kind} chooses ({@link Stores}). Only this package talks to Redis.
 */
public interface RoomStore {

    /** The room, or null when there is none. */
    Uni<Room> load(String room);

    /**
     * Writes a step decided on {@code before} if the stored version is still {@code before}'s
     * ({@code before} null: the room must not exist yet): what changed in the room, its new moves and the
     * inbox deliveries, and announces the change to every node with what changed in it ({@link Notice}).
     * False, with nothing written, when another change got there first.
     */
    Uni<Boolean> commit(Room before, Result step, String node);

    /**
     * Completes once every change of the room committed so far is on {@code roundtable.store.replicas}
     * replicas (at once when that is 0, and in memory); fails with {@link Unconfirmed} when they do not
     * confirm in time. For a command answered again (its idempotency key seen before), whose change may be
     * one that was not confirmed the first time.
     */
    Uni<Void> confirm(String room);

    /** A member's inbox, oldest first (the last {@code roundtable.store.inbox-length} messages). */
    Uni<List<Message>> inbox(String room, String member);

    /** The whole move log of a room, oldest first. */
    Uni<List<Move>> moves(String room);

    /** Recent versions of the room (at most {@code roundtable.store.history}), newest first. */
    Uni<List<Room>> history(String room);

    /** Records a member's heartbeat. */
    Uni<Void> heartbeat(String room, String member, Instant at);

    /** The last heartbeat of every member that sent one. */
    Uni<Map<String, Instant>> seen(String room);

    /** Removes everything of a room: the room, moves, recent versions, heartbeats and these members' inboxes. */
    Uni<Void> delete(String room, List<String> members);

    /** When the room's archive was committed, or null if it was not (or not recorded yet). */
    Uni<Instant> archivedAt(String room);

    /** Records that the room's archive was committed at {@code at}; a time already recorded is kept. */
    Uni<Void> markArchived(String room, Instant at);

    /**
     * The secret every node shares (it signs seat tokens): {@code proposed} is kept unless one is kept
     * already, and the one kept is returned. Blocks; called once, at startup.
     */
    String sharedSecret(String proposed);

    /**
     * Subscribes {@code listener} to the change notices of the rooms this node follows ({@link #follow}),
     * its own commits included. The Uni completes once the subscription is active, every room followed so
     * far followed on it; notices published while none is active are not delivered later. When the
     * subscription ends or fails, {@code lost} is told why (once) and nothing more is delivered: subscribe
     * again.
     */
    Uni<Void> subscribe(Consumer<Notice> listener, Consumer<String> lost);

    /**
     * Hears the room's change notices from now on (on this subscription and the next ones); completes once
     * they are heard, or at once when no subscription is active (the room is followed when one is made).
     */
    Uni<Void> follow(String room);

    /** Stops hearing the room's change notices. */
    void unfollow(String room);
}
