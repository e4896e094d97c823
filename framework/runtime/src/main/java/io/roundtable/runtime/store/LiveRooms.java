package io.roundtable.runtime.store;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.roundtable.core.room.Room;
import io.roundtable.core.view.RoomPatch;
import io.smallrye.mutiny.Uni;

/**
 * The rooms this node follows (it holds sockets of them), as it last knew them, in front of the store:
 * the rooms it committed or read, and the changes other nodes announced, applied as patches
 * ({@link #heard}) so that a change committed elsewhere costs this node no read of the whole room. Only a
 * room whose notices this node hears is kept; any other is read from the store each time, so nothing
 * served here is older than what the store announced. A copy that may be stale is forgotten and read
 * again; a command decided on a stale copy fails its compare-and-set and is decided again.
 */
@ApplicationScoped
public class LiveRooms {
    private static final Logger LOG = Logger.getLogger(LiveRooms.class);
    private final RoomStore store;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    /** Each followed room: the follow Redis confirms (later sockets wait on the same), and whether it has. */
    private final Map<String, Following> followed = new ConcurrentHashMap<>();
    private volatile boolean listening;

    public LiveRooms(RoomStore store) {
        this.store = store;
    }

    /** The room as last known here, or as stored; null when there is none. */
    public Uni<Room> current(String room) {
        Room known = rooms.get(room);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        boolean keep = hears(room); // before the read: a change announced after it is heard, and applied
        return store.load(room).invoke(loaded -> {
            if (loaded != null && keep) {
                remember(loaded);
            }
        });
    }

    /** The room as stored, whatever this node knew. */
    public Uni<Room> fresh(String room) {
        rooms.remove(room);
        return current(room);
    }

    /**
     * Keeps the newest copy of a room whose notices are heard: reads are not ordered with commits, so a
     * slow read may arrive after a newer version was kept and must not replace it.
     */
    public void remember(Room room) {
        if (hears(room.id())) {
            rooms.merge(room.id(), room, (old, candidate) -> candidate.version() >= old.version() ? candidate : old);
        }
    }

    private boolean hears(String room) {
        Following following = followed.get(room);
        return listening && following != null && following.heard;
    }

    /** A followed room: its notices are heard once its follow is confirmed. */
    private static final class Following {
        volatile boolean heard;
        Uni<Void> confirmed;
    }

    /**
     * Starts following a room (its first socket here): completes once its notices are heard. Atomic with
     * {@link #unfollow} per room when both are called inside the caller's per-room map operation.
     */
    public Uni<Void> follow(String room) {
        Following following = followed.computeIfAbsent(room, r -> {
            Following made = new Following();
            made.confirmed = Uni.createFrom().deferred(() -> store.follow(r)).invoke(() -> made.heard = true)
                    .memoize().indefinitely();
            return made;
        });
        following.confirmed.subscribe().with(x -> { }, e -> { });
        return following.confirmed;
    }

    /** The rooms this node follows now. */
    public Set<String> followed() {
        return followed.keySet();
    }

    /** Stops following a room (its last socket here left); its copy is dropped. */
    public void unfollow(String room) {
        followed.remove(room);
        rooms.remove(room);
        store.unfollow(room);
    }

    /**
     * Another node committed a change: a copy of the version before it takes the change's patch; an
     * older copy (a change went unheard) is forgotten.
     */
    public void heard(Notice notice) {
        rooms.computeIfPresent(notice.room(), (id, known) -> {
            if (known.version() >= notice.version()) {
                return known;
            }
            if (known.version() == notice.version() - 1 && notice.patch() != null) {
                try {
                    return RoomPatch.applied(known, notice.patch());
                } catch (RuntimeException e) {
                    LOG.warnf("The change of %s to version %d did not apply (%s); the room is read again",
                            id, notice.version(), e.getMessage());
                }
            }
            return null;
        });
    }

    public void forget(String room) {
        rooms.remove(room);
    }

    /** Notices are not heard (the subscription was lost): no copy is trusted or kept until {@link #listening}. */
    public void deaf() {
        listening = false;
        rooms.clear();
    }

    /**
     * Notices are heard again (a new subscription, every followed room followed on it): copies are kept
     * again, from reads made from now on.
     */
    public void listening() {
        rooms.clear();
        followed.values().forEach(following -> following.heard = true);
        listening = true;
    }
}
