package io.roundtable.runtime.store;

/**
 * Redis key names. Every key of one room carries the hash tag {@code {prefix:room}}, so a room lives in
 * one Redis Cluster slot and its Lua commit stays atomic there.
 */
public record RoomKeys(String prefix, String room) {

    private String tag() {
        return "{" + prefix + ":" + room + "}";
    }

    /** The latest snapshot of the whole room. */
    public String doc() {
        return tag() + ":doc";
    }

    /** The snapshot before it (so that the recent versions can be rebuilt). */
    public String previous() {
        return tag() + ":doc:previous";
    }

    /** What changed at each recent version, oldest first ({@link RoomLog}). */
    public String log() {
        return tag() + ":log";
    }

    public String version() {
        return tag() + ":version";
    }

    public String moves() {
        return tag() + ":moves";
    }

    public String inbox(String member) {
        return tag() + ":inbox:" + member;
    }

    /** Written (briefly) to confirm that replicas hold the room's changes ({@code RoomStore.confirm}). */
    public String confirmed() {
        return tag() + ":confirmed";
    }

    /** Set (to the epoch ms) once the finished room's archive is committed in PostgreSQL. */
    public String archived() {
        return tag() + ":archived";
    }

    public String seen() {
        return tag() + ":seen";
    }

    /** Every room: score = last change (epoch ms). */
    public static String rooms(String prefix) {
        return prefix + ":rooms";
    }

    /** Lobby cards: room id → summary JSON. */
    public static String cards(String prefix) {
        return prefix + ":cards";
    }

    /** When each room is next due for a sweep (epoch ms). */
    public static String due(String prefix) {
        return prefix + ":due";
    }

    /** Pub/sub channel announcing committed changes to every node. */
    public static String changes(String prefix) {
        return prefix + ":changes";
    }

    /** The shared token secret, when none is configured. */
    public static String secret(String prefix) {
        return prefix + ":token-secret";
    }
}
