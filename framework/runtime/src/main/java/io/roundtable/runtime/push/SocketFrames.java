package io.roundtable.runtime.push;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.Room;
import io.roundtable.core.view.Frame;
import io.roundtable.core.view.Frames;
import io.roundtable.runtime.protocol.ServerMessage;

/**
 * What a socket is sent of one room version: the patch from the frame it was sent last, or a snapshot
 * when it has none. What every viewer of the version is shown alike is built once, and its operations
 * diffed and encoded once for all sockets that held the same previous version ({@link Version}); per
 * socket only the viewer's own operations are diffed and written.
 */
final class SocketFrames {
    private SocketFrames() {
    }

    /**
     * One room version being pushed: the room, what every viewer is shown alike, and the operations on that
     * shared part from each previous shared part some socket held, encoded. Lives for one push, in the room's turn.
     */
    record Version(Room room, GameAdapter<?, ?, ?> game, Frames.Shared shared, Map<Frames.Shared, String> sharedOps) {
        static Version of(Room room, GameAdapter<?, ?, ?> game) {
            return new Version(room, game, Frames.shared(room, game), new IdentityHashMap<>());
        }

        String sharedOpsFrom(Frames.Shared from) {
            return sharedOps.computeIfAbsent(from, f -> PatchText.elements(Frames.sharedDelta(f, shared)));
        }
    }

    /** Sends the viewer's frame at the version: a patch from its last frame, or a snapshot. */
    static void frame(Subscriber s, Version version) {
        Room room = version.room();
        if (room.version() <= s.lastVersion) {
            return;
        }
        if (s.hasFrame()) {
            patch(s, version, null, null);
            return;
        }
        Frame frame = Frames.parts(room, version.game(), s.member, version.shared());
        s.send(new ServerMessage.Snapshot(room.version(), frame.tree()));
        s.lastFrame(frame);
        s.lastVersion = room.version();
    }

    /**
     * Sends the patch from the viewer's last frame to the version, with the change's events (their JSON, or
     * null) and the reply it carries.
     */
    static void patch(Subscriber s, Version version, String events, ServerMessage.Reply reply) {
        Room room = version.room();
        Frame frame = Frames.parts(room, version.game(), s.member, version.shared());
        Frame held = s.lastParts();
        String text;
        if (held != null) {
            text = PatchText.of(s.lastVersion, room.version(), version.sharedOpsFrom(held.shared()),
                    Frames.ownDeltaText(held, frame), events, reply);
        } else {
            // A quiet socket's frame was kept as bytes: diffed as JSON.
            JsonNode ops = Frames.delta(s.lastTree(), frame.tree());
            text = PatchText.of(s.lastVersion, room.version(), "", PatchText.elements(ops), events, reply);
        }
        s.send(text);
        s.lastFrame(frame);
        s.lastVersion = room.version();
    }

    /** The events' JSON array, written once per change for every socket; null when there are none. */
    static String events(List<Object> events) {
        return events == null || events.isEmpty() ? null : Json.write(events);
    }
}
