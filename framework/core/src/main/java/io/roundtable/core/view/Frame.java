package io.roundtable.core.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;

/**
 * One viewer's frame as its parts: what every viewer of the version is shown alike, the viewer's own
 * small parts as JSON, and the game's view as the typed value the rules returned (null before the game).
 * Kept like this, a frame costs little memory and the next one is diffed without building either's JSON
 * ({@link Frames#delta(Frame, Frame, java.util.function.BinaryOperator)}).
 */
public record Frame(Frames.Shared shared, JsonNode me, JsonNode channels, Object game) {

    /** The frame as the JSON a snapshot carries. */
    public ObjectNode tree() {
        ObjectNode frame = JsonNodeFactory.instance.objectNode();
        frame.set("room", shared.room());
        frame.set("me", me);
        frame.set("channels", channels);
        frame.set("voice", shared.voice());
        frame.set("game", game == null ? JsonNodeFactory.instance.nullNode() : Json.tree(game));
        return frame;
    }
}
