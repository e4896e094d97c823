package io.roundtable.runtime.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.Room;
import io.roundtable.core.view.RoomPatch;

/**
 * How a room is stored: the whole room only now and then (a snapshot every
 * {@code roundtable.store.history} versions, and the one before it kept too), and for every change an
 * appended log entry of what changed ({@link RoomPatch}). A commit therefore sends the store a few
 * hundred bytes, not the room; the room is its latest snapshot with the later entries applied, and the
 * recent versions a resuming client may need are the previous snapshot with the entries after it.
 */
final class RoomLog {

    private RoomLog() {
    }

    /** Versions between snapshots: {@code roundtable.store.history}, at least 1. */
    static int interval(int history) {
        return Math.max(1, history);
    }

    /** Whether version {@code version} is written whole (a new room always is). */
    static boolean snapshotDue(long version, int history) {
        return version % interval(history) == 0;
    }

    /**
     * Log entries kept when a snapshot is written: enough to rebuild every version since the previous
     * snapshot. (Between snapshots the log only grows, to at most this plus {@link #interval}.)
     */
    static int kept(int history) {
        return 2 * interval(history);
    }

    /** The log entry of the change to {@code version}: the version, a space, and the patch. */
    static String entry(long version, String patch) {
        return version + " " + patch;
    }

    /** The room: {@code snapshot} with the later entries of {@code log} applied; null when there is no snapshot. */
    static Room replay(String snapshot, List<String> log) {
        if (snapshot == null) {
            return null;
        }
        JsonNode room = Json.read(snapshot, JsonNode.class);
        long version = room.get("version").asLong();
        for (String entry : log) {
            version = apply(room, version, entry);
        }
        return Json.convert(room, Room.class);
    }

    /**
     * The last {@code count} versions, newest first, rebuilt from the oldest snapshot kept ({@code previous},
     * or {@code snapshot} when there is no previous one) and the entries after it.
     */
    static List<Room> recent(String previous, String snapshot, List<String> log, int count) {
        String base = previous != null ? previous : snapshot;
        if (base == null || count <= 0) {
            return List.of();
        }
        JsonNode room = Json.read(base, JsonNode.class);
        long version = room.get("version").asLong();
        long newest = Math.max(version, log.isEmpty() ? version : versionOf(log.get(log.size() - 1)));
        List<Room> versions = new ArrayList<>();
        if (version > newest - count) {
            versions.add(Json.convert(room, Room.class));
        }
        for (String entry : log) {
            long before = version;
            version = apply(room, version, entry);
            if (version != before && version > newest - count) {
                versions.add(Json.convert(room, Room.class));
            }
        }
        Collections.reverse(versions);
        return versions;
    }

    /** Applies {@code entry} to {@code room} (at {@code version}) if it is the next change; returns the version after. */
    private static long apply(JsonNode room, long version, String entry) {
        long next = versionOf(entry);
        if (next <= version) {
            return version; // already in the snapshot
        }
        if (next != version + 1) {
            throw new IllegalStateException("the room log jumps from version " + version + " to " + next);
        }
        RoomPatch.applyTo(room, entry.substring(entry.indexOf(' ') + 1));
        return next;
    }

    private static long versionOf(String entry) {
        return Long.parseLong(entry.substring(0, entry.indexOf(' ')));
    }
}
