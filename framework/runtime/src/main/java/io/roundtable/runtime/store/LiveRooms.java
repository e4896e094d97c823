package io.roundtable.runtime.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.roundtable.core.room.Room;
import io.roundtable.core.view.RoomPatch;
import io.smallrye.mutiny.Uni;

/**
 * The rooms as this node last knew them, in front of the store: the rooms this node committed, the rooms
 * it read, and the changes other nodes announced, applied as patches ({@link #follow}) so that a change
 * committed elsewhere costs this node no read of the whole room. A copy that may be stale is forgotten
 * and read again; a command decided on a stale copy fails its compare-and-set and is decided again.
 */
@ApplicationScoped
public class LiveRooms {
    private static final Logger LOG = Logger.getLogger(LiveRooms.class);
    private final RoomStore store;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    public LiveRooms(RoomStore store) {
        this.store = store;
    }

    /** The room as last known here, or as stored; null when there is none. */
    public Uni<Room> current(String room) {
        Room known = rooms.get(room);
        return known != null ? Uni.createFrom().item(known) : store.load(room).invoke(loaded -> {
            if (loaded != null) {
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
     * Keeps the newest copy: reads are not ordered with commits, so a slow read may arrive after a newer
     * version was kept and must not replace it.
     */
    public void remember(Room room) {
        rooms.merge(room.id(), room, (old, candidate) -> candidate.version() >= old.version() ? candidate : old);
    }

    /**
     * Another node committed a change: a copy of the version before it takes the change's patch; an
     * older copy (a change went unheard) is forgotten.
     */
    public void follow(Notice notice) {
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

    /** This node may have missed changes (it was not listening): no copy it holds is trusted. */
    public void forgetAll() {
        rooms.clear();
    }
}
