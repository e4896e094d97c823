package io.roundtable.core.view;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;

/**
 * One viewer's frame as its parts: what every viewer of the version is shown alike (as JSON), the viewer's
 * own membership and channels, and the game's view as the typed value the rules returned (null before the game).
 * Kept like this, a frame costs little memory and the next one is diffed without building either's JSON
 * ({@link Frames#delta(Frame, Frame)}).
 */
public record Frame(Frames.Shared shared, Me me, List<ChannelView> channels, Object game) {

    /** The frame as the JSON a snapshot carries. */
    public ObjectNode tree() {
        ObjectNode frame = JsonNodeFactory.instance.objectNode();
        frame.set("room", shared.room());
        frame.set("me", Json.tree(me));
        frame.set("channels", Json.tree(channels));
        frame.set("voice", shared.voice());
        frame.set("game", game == null ? JsonNodeFactory.instance.nullNode() : Json.tree(game));
        return frame;
    }
}
