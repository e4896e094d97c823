package io.roundtable.runtime.rooms;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.RoomEngine;
import io.roundtable.core.room.Result;
import io.roundtable.runtime.archive.Archiver;
import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.protocol.Problem;
import io.roundtable.runtime.push.Fanout;
import io.roundtable.runtime.order.RoomQueue;
import io.roundtable.runtime.push.ReplyRoute;
import io.roundtable.runtime.store.LiveRooms;
import io.roundtable.runtime.store.RoomCard;
import io.roundtable.runtime.store.RoomIndex;
import io.roundtable.runtime.store.RoomStore;
import io.roundtable.runtime.store.Unconfirmed;
import io.smallrye.mutiny.Uni;

/**
 * Applies commands to live rooms: load, let the pure engine decide, commit with a compare-and-set on
 * the version, push. A lost race is simply tried again on the fresh room. Any node can serve any room.
 */
@ApplicationScoped
public class RoomService {
    private static final Logger LOG = Logger.getLogger(RoomService.class);
    private static final char[] ID_CHARS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();
    private final RoomEngine engine;
    private final RoomStore store;
    private final LiveRooms live;
    private final RoomIndex index;
    private final RoomQueue queue;
    private final Fanout fanout;
    private final RoundtableConfig config;
    private final Archiver archiver;
    private final NodeId node;

    public RoomService(RoomEngine engine, RoomStore store, LiveRooms live, RoomIndex index, RoomQueue queue, Fanout fanout,
            RoundtableConfig config, Archiver archiver, NodeId node) {
        this.archiver = archiver;
        this.node = node;
        this.engine = engine;
        this.store = store;
        this.live = live;
        this.index = index;
        this.queue = queue;
        this.fanout = fanout;
        this.config = config;
    }

    public RoomEngine engine() {
        return engine;
    }

    /** Creates a room; fails with room/unknown_game, room/invalid_options or request/invalid. */
    public Uni<Room> create(String game, JsonNode options, int bots, boolean voice) {
        return create(game, options, bots, voice, null);
    }

    /** As above, for the table of room {@code follows} playing again (null: a room of its own). */
    public Uni<Room> create(String game, JsonNode options, int bots, boolean voice, String follows) {
        String id = newId();
        Result step = engine.create(id, game, options, bots, voice, follows, random.nextLong(), Instant.now());
        if (step.reply() instanceof Reply.Rejected rejected) {
            return Uni.createFrom().failure(new Problem(rejected.rejection(), null));
        }
        return unconfirmedAnswered(id, store.commit(null, step, node.id())).chain(written -> {
            if (!written) {
                return create(game, options, bots, voice, follows);
            }
            live.remember(step.room());
            return publishCard(step.room()).replaceWith(step.room());
        });
    }

    /** Applies a command to a room and returns the result (its reply may be a rejection). */
    public Uni<Result> apply(String roomId, Command command) {
        return apply(roomId, command, null);
    }

    /** As {@link #apply(String, Command)}, for a command from a socket of this node ({@code route}). */
    public Uni<Result> apply(String roomId, Command command, ReplyRoute route) {
        return queue.run(roomId, () -> attempt(roomId, command, route, config.store().casRetries()));
    }

    private Uni<Result> attempt(String roomId, Command command, ReplyRoute route, int retriesLeft) {
        return current(roomId).chain(room -> {
            if (room == null) {
                return Uni.createFrom().failure(new Problem(ErrorCode.ROOM_NOT_FOUND));
            }
            Result step = engine.handle(room, command, Instant.now());
            if (!step.changed()) {
                if (step.reply() instanceof Reply.Accepted accepted && accepted.replayed()) {
                    // Answered again: the change may be one that was not confirmed on the replicas the first time.
                    return unconfirmedAnswered(roomId, store.confirm(roomId)).replaceWith(step);
                }
                return step.expired() ? remove(room).replaceWith(step) : Uni.createFrom().item(step);
            }
            return unconfirmedAnswered(roomId, store.commit(room, step, node.id())).chain(written -> {
                if (!written) {
                    live.forget(roomId);
                    if (retriesLeft <= 0) {
                        return Uni.createFrom().failure(new Problem(ErrorCode.ROOM_BUSY.rejection(), room.version()));
                    }
                    return attempt(roomId, command, route, retriesLeft - 1);
                }
                live.remember(step.room());
                fanout.committed(step, route);
                if (step.room().phase() == Phase.FINISHED && room.phase() != Phase.FINISHED) {
                    archiver.archive(step.room()).subscribe().with(x -> { },
                            e -> LOG.warnf("Archiving %s failed (the sweeper retries): %s", roomId, e.getMessage()));
                }
                Uni<Void> after = step.expired() ? remove(step.room())
                        : lobbyChanged(room, step.room()) ? publishCard(step.room()) : Uni.createFrom().voidItem();
                return after.replaceWith(step);
            });
        });
    }

    /**
     * A change Redis applied but not enough replicas confirmed ({@code roundtable.store.replicas}) is not
     * acknowledged: answered server/unconfirmed, and this node's copy, which may be ahead or behind what
     * survives, is forgotten.
     */
    private <T> Uni<T> unconfirmedAnswered(String roomId, Uni<T> commit) {
        return commit.onFailure(Unconfirmed.class).transform(e -> {
            LOG.warnf("Not acknowledged: %s", e.getMessage());
            live.forget(roomId);
            return new Problem(ErrorCode.SERVER_UNCONFIRMED);
        });
    }

    /** The room as last known on this node, or as stored. */
    public Uni<Room> current(String roomId) {
        return live.current(roomId);
    }

    /** The room as stored, bypassing this node's copy. */
    public Uni<Room> fresh(String roomId) {
        return live.fresh(roomId);
    }

    /**
     * Whether the lobby card or the sweep schedule needs refreshing: most commands (moves, chat,
     * acknowledgements) change neither, and skipping saves two Redis round trips per command. Paced bots
     * count only when they are due sooner than the room's next regular sweep.
     */
    private boolean lobbyChanged(Room before, Room after) {
        var game = engine.games().playedIn(after);
        return !RoomCard.of(before, game).sameFacts(RoomCard.of(after, game))
                || !Objects.equals(before.slot().barrierEndsAt(), after.slot().barrierEndsAt())
                || !Objects.equals(before.slot().timer(), after.slot().timer())
                || after.slot().botsDueAt() != null && !after.slot().botsDueAt().equals(before.slot().botsDueAt())
                        && config.bots().moveDelay().compareTo(config.rooms().sweepInterval()) < 0;
    }

    private Uni<Void> publishCard(Room room) {
        Instant due = Instant.now().plus(config.rooms().sweepInterval());
        if (room.slot().barrierEndsAt() != null && room.slot().barrierEndsAt().isBefore(due)) {
            due = room.slot().barrierEndsAt();
        }
        if (room.slot().timer() != null && room.slot().timer().deadline().isBefore(due)) {
            due = room.slot().timer().deadline();
        }
        if (room.slot().botsDueAt() != null && room.slot().botsDueAt().isBefore(due)) {
            due = room.slot().botsDueAt();
        }
        return index.update(RoomCard.of(room, engine.games().playedIn(room)), due);
    }

    /** Removes a room everywhere; a finished one only once its archive is committed. */
    public Uni<Void> remove(Room room) {
        Uni<Boolean> archived = room.phase() == Phase.FINISHED ? archiver.archive(room) : Uni.createFrom().item(false);
        return archived.chain(() -> {
            live.forget(room.id());
            fanout.closed(room.id());
            return store.delete(room.id(), room.members().stream().map(Member::id).toList())
                    .chain(() -> index.remove(room.id()));
        });
    }

    private String newId() {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id).toLowerCase(Locale.ROOT);
    }
}
