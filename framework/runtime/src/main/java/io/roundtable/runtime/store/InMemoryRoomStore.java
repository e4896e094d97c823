package io.roundtable.runtime.store;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import io.roundtable.core.json.Json;
import io.roundtable.core.message.Message;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.Result;
import io.roundtable.core.view.RoomPatch;
import io.roundtable.runtime.config.RoundtableConfig;
import io.smallrye.mutiny.Uni;

/**
 * Live rooms in this process's memory, with the semantics and the layout of {@link RedisRoomStore}: a
 * commit compares the version and appends what changed to the room's log (the whole room only when a
 * snapshot is due, {@link RoomLog}), its moves and its inbox deliveries (each inbox trimmed to
 * {@code roundtable.store.inbox-length}) in one step; change notices reach this process's subscribers at
 * once. Rooms are kept as JSON, as in Redis, so what is loaded is always a copy. As with Redis, nothing happens until the returned Uni is subscribed to.
 *
 * <p>For tests and single-node experiments: nothing survives a restart, other nodes see nothing of it,
 * and {@code roundtable.store.room-ttl} is ignored (rooms leave only when the runtime deletes them).
 * Thread-safe: one lock guards every room, held only to copy strings in and out.
 */
public class InMemoryRoomStore implements RoomStore {
    private final RoundtableConfig.Store config;
    private final Object lock = new Object();
    private final Map<String, Slot> rooms = new HashMap<>();
    private final List<Consumer<Notice>> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> followed = ConcurrentHashMap.newKeySet();
    private String secret;

    /** What Redis keeps under one room's hash tag. */
    private static final class Slot {
        Long version;
        String snapshot;
        String previous;
        final Deque<String> log = new ArrayDeque<>();
        final List<String> moves = new ArrayList<>();
        final Map<String, Deque<String>> inboxes = new HashMap<>();
        final Map<String, Instant> seen = new HashMap<>();
        Instant archivedAt;
    }

    public InMemoryRoomStore(RoundtableConfig config) {
        this.config = config.store();
    }

    @Override
    public Uni<Room> load(String room) {
        return Uni.createFrom().item(() -> {
            String snapshot;
            List<String> log;
            synchronized (lock) {
                Slot slot = rooms.get(room);
                snapshot = slot == null ? null : slot.snapshot;
                log = slot == null ? List.of() : List.copyOf(slot.log);
            }
            return RoomLog.replay(snapshot, log);
        });
    }

    @Override
    public Uni<Boolean> commit(Room before, Result step, String node) {
        return Uni.createFrom().item(() -> {
            Room room = step.room();
            String patch = before == null ? null : RoomPatch.between(before, room);
            if (!write(before == null ? null : before.version(), step, patch)) {
                return false;
            }
            announce(new Notice(room.id(), room.version(), node, step.deliveries(), step.events(), patch));
            return true;
        });
    }

    private boolean write(Long expected, Result step, String patch) {
        Room room = step.room();
        String snapshot = expected == null || RoomLog.snapshotDue(room.version(), config.history())
                ? Json.write(room) : null;
        List<String> moves = step.moves().stream().map(Json::write).toList();
        List<String> messages = step.deliveries().stream().map(d -> Json.write(d.message())).toList();
        synchronized (lock) {
            Slot slot = rooms.get(room.id());
            if (!Objects.equals(expected, slot == null ? null : slot.version)) {
                return false;
            }
            if (slot == null) {
                slot = new Slot();
                rooms.put(room.id(), slot);
            }
            slot.version = room.version();
            if (patch != null) {
                slot.log.addLast(RoomLog.entry(room.version(), patch));
                while (slot.log.size() > RoomLog.kept(config.history())) {
                    slot.log.removeFirst();
                }
            }
            if (snapshot != null) {
                slot.previous = slot.snapshot;
                slot.snapshot = snapshot;
            }
            slot.moves.addAll(moves);
            for (int i = 0; i < messages.size(); i++) {
                Deque<String> inbox = slot.inboxes.computeIfAbsent(step.deliveries().get(i).member(),
                        member -> new ArrayDeque<>());
                inbox.addLast(messages.get(i));
                while (inbox.size() > config.inboxLength()) {
                    inbox.removeFirst();
                }
            }
            return true;
        }
    }

    /** As a subscriber to Redis would get it (read back from JSON), if the room is followed. */
    private void announce(Notice notice) {
        if (!followed.contains(notice.room())) {
            return;
        }
        Notice published = Json.read(Json.write(notice), Notice.class);
        listeners.forEach(listener -> listener.accept(published));
    }

    @Override
    public Uni<List<Message>> inbox(String room, String member) {
        return read(room, slot -> slot.inboxes.getOrDefault(member, new ArrayDeque<>()), Message.class);
    }

    @Override
    public Uni<List<Move>> moves(String room) {
        return read(room, slot -> slot.moves, Move.class);
    }

    /** One process keeps no replicas: nothing to wait for. */
    @Override
    public Uni<Void> confirm(String room) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<List<Room>> history(String room) {
        return Uni.createFrom().item(() -> {
            String previous;
            String snapshot;
            List<String> log;
            synchronized (lock) {
                Slot slot = rooms.get(room);
                if (slot == null) {
                    return List.of();
                }
                previous = slot.previous;
                snapshot = slot.snapshot;
                log = List.copyOf(slot.log);
            }
            return RoomLog.recent(previous, snapshot, log, config.history());
        });
    }

    private <T> Uni<List<T>> read(String room, Function<Slot, Collection<String>> list, Class<T> type) {
        return Uni.createFrom().item(() -> {
            List<String> copy;
            synchronized (lock) {
                Slot slot = rooms.get(room);
                copy = slot == null ? List.of() : List.copyOf(list.apply(slot));
            }
            return copy.stream().map(json -> Json.read(json, type)).toList();
        });
    }

    @Override
    public Uni<Void> heartbeat(String room, String member, Instant at) {
        return locked(() -> rooms.computeIfAbsent(room, id -> new Slot()).seen.put(member, at));
    }

    @Override
    public Uni<Map<String, Instant>> seen(String room) {
        return Uni.createFrom().item(() -> {
            synchronized (lock) {
                Slot slot = rooms.get(room);
                return slot == null ? new HashMap<>() : new HashMap<>(slot.seen);
            }
        });
    }

    /** Removes the whole room at once, the inboxes of members not named too. */
    @Override
    public Uni<Void> delete(String room, List<String> members) {
        return locked(() -> rooms.remove(room));
    }

    @Override
    public Uni<Instant> archivedAt(String room) {
        return Uni.createFrom().item(() -> {
            synchronized (lock) {
                Slot slot = rooms.get(room);
                return slot == null ? null : slot.archivedAt;
            }
        });
    }

    @Override
    public Uni<Void> markArchived(String room, Instant at) {
        return locked(() -> {
            Slot slot = rooms.computeIfAbsent(room, id -> new Slot());
            if (slot.archivedAt == null) {
                slot.archivedAt = at;
            }
        });
    }

    /** Runs the change under the lock when subscribed to, as Redis runs a command only when asked. */
    private Uni<Void> locked(Runnable change) {
        return Uni.createFrom().item(() -> {
            synchronized (lock) {
                change.run();
            }
            return null;
        });
    }

    /** Shared by this process only: a restart makes a new one, and earlier tokens are refused. */
    @Override
    public String sharedSecret(String proposed) {
        synchronized (lock) {
            if (secret == null) {
                secret = proposed;
            }
            return secret;
        }
    }

    /** Notices are delivered on the committing thread, after the commit; the subscription never ends. */
    @Override
    public Uni<Void> subscribe(Consumer<Notice> listener, Consumer<String> lost) {
        listeners.add(listener);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> follow(String room) {
        followed.add(room);
        return Uni.createFrom().voidItem();
    }

    @Override
    public void unfollow(String room) {
        followed.remove(room);
    }
}
