package io.roundtable.core.view;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Room;
import io.roundtable.core.spi.Policy;
import io.roundtable.core.spi.Viewer;

/**
 * What one viewer is shown of a room: the public room facts, their own membership, the channels
 * they belong to, and the game's view for them. This is the only shape of a room that leaves the
 * server; deltas are diffs between two frames of the same viewer.
 */
public final class Frames {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Frames() {
    }

    /**
     * The patch between two frames of one viewer, without the {@code /room/version} change every patch
     * would carry: the patch message says the version, and the client sets it after applying. Each part
     * of the frame ({@code room}, {@code me}, …) is diffed on its own; a part both frames hold as the very
     * same node is unchanged and not diffed.
     */
    public static JsonNode delta(JsonNode from, JsonNode to) {
        ArrayNode kept = NODES.arrayNode();
        Set<String> parts = new LinkedHashSet<>();
        from.fieldNames().forEachRemaining(parts::add);
        to.fieldNames().forEachRemaining(parts::add);
        for (String part : parts) {
            JsonNode before = from.get(part);
            JsonNode after = to.get(part);
            if (before == after) {
                continue;
            }
            String prefix = "/" + part;
            if (before == null || after == null) {
                ObjectNode op = kept.addObject();
                op.put("op", before == null ? "add" : "remove");
                op.put("path", prefix);
                if (after != null) {
                    op.set("value", after);
                }
                continue;
            }
            Deltas.prefixed(kept, prefix, Deltas.diff(before, after), ROOM_VERSION);
        }
        return kept;
    }

    /** What a client holds after applying {@code ops} to {@code frame} and setting the patch's version. */
    public static JsonNode applyDelta(JsonNode frame,
            JsonNode ops, long version) {
        JsonNode next = Deltas.apply(ops, frame);
        ObjectNode room = (ObjectNode) next.get("room");
        // Keep the number type the frame already had (a parsed frame holds small versions as ints),
        // so a patched frame equals the snapshot of the same version node for node.
        if (room.path("version").isInt() && version == (int) version) {
            room.put("version", (int) version);
        } else {
            room.put("version", version);
        }
        return next;
    }

    /**
     * What every viewer of one room version is shown alike — the room facts and the voice mesh — built
     * once for all of them. Frames built with it share these nodes; nobody may change them.
     */
    public record Shared(JsonNode room, JsonNode voice) {
    }

    /** The parts of the frame every viewer of this room version is shown alike. */
    public static Shared shared(Room room, GameAdapter<?, ?, ?> game) {
        return new Shared(roomFacts(room, game), voice(room));
    }

    /** The frame for member {@code memberId}; a null member is an anonymous spectator. */
    public static ObjectNode frame(Room room, GameAdapter<?, ?, ?> game, String memberId) {
        return frame(room, game, memberId, shared(room, game));
    }

    /** As {@link #frame(Room, GameAdapter, String)}, with the shared parts already built for this version. */
    public static ObjectNode frame(Room room, GameAdapter<?, ?, ?> game, String memberId, Shared shared) {
        return parts(room, game, memberId, shared).tree();
    }

    /** The frame for member {@code memberId} as its parts, the game's view typed (see {@link Frame}). */
    public static Frame parts(Room room, GameAdapter<?, ?, ?> game, String memberId) {
        return parts(room, game, memberId, shared(room, game));
    }

    /** As {@link #parts(Room, GameAdapter, String)}, with the shared parts already built for this version. */
    public static Frame parts(Room room, GameAdapter<?, ?, ?> game, String memberId, Shared shared) {
        Member me = memberId == null ? null : room.member(memberId).orElse(null);
        Viewer viewer = me == null || me.isSpectator() ? Viewer.SPECTATOR : Viewer.seat(me.seat());
        boolean hasGame = room.phase() == Phase.PLAY || room.phase() == Phase.FINISHED;
        return new Frame(shared, Me.of(room, me), ChannelView.of(room, game, viewer),
                hasGame ? game.typedView(room.state(), viewer) : null);
    }

    /**
     * The patch between two frames of one viewer kept as parts: {@link #sharedDelta} followed by
     * {@link #ownDelta}. As with {@link #delta(JsonNode, JsonNode)}, without {@code /room/version}.
     */
    public static JsonNode delta(Frame from, Frame to) {
        ArrayNode ops = sharedDelta(from.shared(), to.shared());
        ops.addAll((ArrayNode) ownDelta(from, to));
        return ops;
    }

    /**
     * The operations on what every viewer is shown alike (the room facts and the voice mesh, zjsonpatch),
     * without {@code /room/version}: the same for every viewer whose frame held {@code from}, so a caller
     * pushing one change to many viewers takes it once.
     */
    public static ArrayNode sharedDelta(Shared from, Shared to) {
        ArrayNode ops = NODES.arrayNode();
        part(ops, "/room", from.room(), to.room());
        part(ops, "/voice", from.voice(), to.voice());
        return ops;
    }

    /** The operations on the viewer's own parts and the game's view, diffed typed ({@link TypedDiff}). */
    public static JsonNode ownDelta(Frame from, Frame to) {
        ArrayNode ops = NODES.arrayNode();
        ownDelta(from, to, PatchOps.into(ops));
        return ops;
    }

    /** As {@link #ownDelta(Frame, Frame)}, written straight to JSON text (the operations, without brackets). */
    public static String ownDeltaText(Frame from, Frame to) {
        PatchOps.Text ops = PatchOps.text();
        ownDelta(from, to, ops);
        return ops.toString();
    }

    private static void ownDelta(Frame from, Frame to, PatchOps ops) {
        TypedDiff.diff("/me", from.me(), to.me(), ops);
        TypedDiff.diff("/channels", from.channels(), to.channels(), ops);
        TypedDiff.diff("/game", from.game(), to.game(), ops);
    }

    private static void part(ArrayNode ops, String prefix, JsonNode before, JsonNode after) {
        if (before != after && !before.equals(after)) {
            Deltas.prefixed(ops, prefix, Deltas.diff(before, after), ROOM_VERSION);
        }
    }

    /** Every patch message says its version: the operation setting it is left out of every patch. */
    private static final String ROOM_VERSION = "/room/version";

    private static ObjectNode roomFacts(Room room, GameAdapter<?, ?, ?> game) {
        Policy policy = game.policy(room.facts().options());
        ObjectNode facts = NODES.objectNode();
        facts.put("id", room.id());
        facts.put("game", room.facts().game());
        facts.put("phase", room.phase().name());
        facts.put("version", room.version());
        facts.put("joinMode", policy.joinMode().name());
        facts.put("minPlayers", policy.minPlayers());
        facts.put("maxPlayers", policy.maxPlayers());
        facts.set("options", room.facts().options());
        facts.put("host", room.roster().host());
        facts.put("paused", room.slot().paused());
        facts.put("barrierEndsAt", room.slot().barrierEndsAt() == null ? null : room.slot().barrierEndsAt().toString());
        facts.put("deadline", room.slot().timer() == null ? null : room.slot().timer().deadline().toString());
        facts.put("spectatorsMayChat", room.phase() != Phase.PLAY || game.spectatorsMayChat(room.state()));
        ArrayNode members = facts.putArray("members");
        for (Member m : room.members()) {
            ObjectNode node = members.addObject();
            node.put("id", m.id());
            node.put("name", m.name());
            if (m.seat() == null) {
                node.putNull("seat");
            } else {
                node.put("seat", m.seat());
            }
            node.put("ready", m.ready());
            node.put("bot", m.bot());
            node.put("standIn", m.standIn());
            node.put("presence", m.presence().name());
        }
        facts.set("outcome", room.slot().outcome() == null ? NODES.nullNode() : Json.tree(room.slot().outcome()));
        if (room.next() == null) {
            facts.putNull("next");
        } else {
            facts.putObject("next").put("room", room.next().room()).put("by", room.next().by());
        }
        return facts;
    }

    /** The voice mesh: everyone in it (join order), mute states, and each side's report of each link. */
    private static JsonNode voice(Room room) {
        if (room.voice() == null) {
            return NODES.nullNode();
        }
        ObjectNode voice = NODES.objectNode();
        voice.put("max", room.voice().max());
        ArrayNode participants = voice.putArray("participants");
        for (String member : room.voice().participants()) {
            ObjectNode p = participants.addObject();
            p.put("member", member);
            p.put("muted", room.voice().muted().getOrDefault(member, false));
        }
        voice.set("links", Json.tree(new TreeMap<>(room.voice().links())));
        return voice;
    }
}
