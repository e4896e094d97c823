package io.roundtable.core.view;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.Room;

/**
 * What changed in a room between two of its versions, as RFC 6902 operations on its stored JSON: what a
 * store appends to a room's log instead of writing the whole room again, and what tells other nodes the
 * change. Computed from the typed rooms ({@link TypedDiff}); the test kit's random play checks that the
 * operations turn the first room's JSON into the second's.
 */
public final class RoomPatch {

    private RoomPatch() {
    }

    /** The operations turning {@code before}'s JSON into {@code after}'s, as a JSON array. */
    public static String between(Room before, Room after) {
        PatchOps.Text ops = PatchOps.text();
        TypedDiff.diff("", before, after, ops);
        return "[" + ops + "]";
    }

    /** Applies {@code patch} to {@code room}, a room's JSON, in place. */
    public static void applyTo(JsonNode room, String patch) {
        Deltas.applyInPlace(Json.read(patch, JsonNode.class), room);
    }

    /** The room {@code patch} makes of {@code room}. */
    public static Room applied(Room room, String patch) {
        JsonNode json = Json.tree(room);
        applyTo(json, patch);
        return Json.convert(json, Room.class);
    }
}
