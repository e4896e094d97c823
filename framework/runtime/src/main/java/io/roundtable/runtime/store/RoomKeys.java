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

    /**
     * The room's sharded pub/sub channel: its change notices, heard by the nodes that follow the room. In
     * the room's slot, so that on a Cluster a notice goes only from the room's master to those nodes.
     */
    public String changes() {
        return tag() + ":changes";
    }

    /** Every room: score = last change (epoch ms). */
    public static String rooms(String prefix) {
        return prefix + ":rooms";
    }

    /** Lobby cards: room id → summary JSON. */
    public static String cards(String prefix) {
        return prefix + ":cards";
    }

    /**
     * The lobby's order: a sorted set of room ids by creation time (epoch ms), of every room or only the
     * open ones ({@link RoomCard#open}), of every game or of {@code game} (null: every game).
     */
    public static String lobby(String prefix, String game, boolean openOnly) {
        return prefix + ":lobby" + (game == null ? "" : ":game:" + game) + (openOnly ? ":open" : "");
    }

    /** When each room is next due for a sweep (epoch ms). */
    public static String due(String prefix) {
        return prefix + ":due";
    }


    /** The shared token secret, when none is configured. */
    public static String secret(String prefix) {
        return prefix + ":token-secret";
    }
}
