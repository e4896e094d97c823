package io.roundtable.runtime.push;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.view.Deltas;
import io.roundtable.core.view.Frames;

/**
 * The diffs of one push to many sockets. The parts of a frame every viewer is shown alike
 * ({@link Frames.Shared}) are the same nodes in every viewer's frame, so their diff from the previous
 * version is computed once and handed to every socket that had that previous version; other parts are
 * diffed per viewer. Lives for one push.
 */
final class SharedDiffs implements BinaryOperator<JsonNode> {
    private final Frames.Shared shared;
    private final Map<JsonNode, Known> byFrom = new IdentityHashMap<>();

    private record Known(JsonNode to, JsonNode ops) {
    }

    SharedDiffs(Frames.Shared shared) {
        this.shared = shared;
    }

    @Override
    public JsonNode apply(JsonNode from, JsonNode to) {
        if (to != shared.room() && to != shared.voice()) {
            return Deltas.diff(from, to);
        }
        Known known = byFrom.get(from);
        if (known != null && known.to() == to) {
            return known.ops();
        }
        JsonNode ops = Deltas.diff(from, to);
        byFrom.put(from, new Known(to, ops));
        return ops;
    }
}
