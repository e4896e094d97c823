package io.roundtable.core.view;

import java.util.EnumSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import com.flipkart.zjsonpatch.JsonPatch;

/**
 * RFC 6902 JSON Patches between two frames of the same viewer. Only add, remove and replace are
 * produced, so any conforming client can apply them.
 */
public final class Deltas {
    private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION,
            DiffFlags.OMIT_COPY_OPERATION, DiffFlags.OMIT_VALUE_ON_REMOVE);

    private Deltas() {
    }

    /** The patch turning {@code from} into {@code to} (an empty array when they are equal). */
    public static JsonNode diff(JsonNode from, JsonNode to) {
        return JsonDiff.asJson(from, to, FLAGS);
    }

    public static JsonNode apply(JsonNode patch, JsonNode to) {
        return JsonPatch.apply(patch, to);
    }
}
