package io.roundtable.core.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import com.flipkart.zjsonpatch.JsonPatch;

/**
 * RFC 6902 JSON Patches between two frames of the same viewer. Only add, remove and replace are
 * produced, so any conforming client can apply them. A run of operations inside one container is
 * folded into a single {@code replace} of that container when that is shorter (a list that changed
 * in several places costs one operation, not one per element).
 */
public final class Deltas {
    private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION,
            DiffFlags.OMIT_COPY_OPERATION, DiffFlags.OMIT_VALUE_ON_REMOVE);

    private Deltas() {
    }

    /** The patch turning {@code from} into {@code to} (an empty array when they are equal). */
    public static JsonNode diff(JsonNode from, JsonNode to) {
        JsonNode raw = JsonDiff.asJson(from, to, FLAGS);
        return raw.size() <= 1 ? raw : fold(raw, from, to);
    }

    /**
     * Appends {@code ops} to {@code into} with {@code prefix} before each path, leaving out an operation on
     * {@code skip} (null: none). Each appended operation is new but shares the old one's value, so a diff
     * remembered for one viewer serves the next one untouched.
     */
    static void prefixed(ArrayNode into, String prefix, JsonNode ops, String skip) {
        for (JsonNode op : ops) {
            String path = prefix + op.path("path").asText();
            if (!path.equals(skip)) {
                ObjectNode moved = into.addObject();
                op.fields().forEachRemaining(field -> moved.set(field.getKey(), field.getValue()));
                moved.put("path", path);
            }
        }
    }

    public static JsonNode apply(JsonNode patch, JsonNode to) {
        return JsonPatch.apply(patch, to);
    }

    /** Applies {@code patch} to {@code to} itself (an object or array; the patch must not replace the root). */
    public static void applyInPlace(JsonNode patch, JsonNode to) {
        JsonPatch.applyInPlace(patch, to);
    }

    /**
     * Replaces the operations under a container by one {@code replace} of the container whenever that is
     * shorter, deepest containers first. Operations in different containers touch disjoint parts of the
     * document, so folding one group never changes what another does.
     */
    private static JsonNode fold(JsonNode raw, JsonNode from, JsonNode to) {
        List<JsonNode> ops = new ArrayList<>();
        raw.forEach(ops::add);
        Map<JsonNode, Integer> sizes = new IdentityHashMap<>();
        Map<String, Integer> depth = new TreeMap<>();
        for (JsonNode op : ops) {
            sizes.put(op, JsonSize.of(op, Integer.MAX_VALUE));
            String parent = parent(op.get("path").asText());
            while (parent != null) {
                depth.put(parent, parent.isEmpty() ? 0 : parent.split("/", -1).length - 1);
                parent = parent(parent);
            }
        }
        List<String> containers = new ArrayList<>(depth.keySet());
        containers.sort(Comparator.comparing((String p) -> depth.get(p)).reversed());
        for (String container : containers) {
            if (container.isEmpty()) {
                continue;
            }
            int first = -1;
            long bytes = 0;
            List<JsonNode> kept = new ArrayList<>();
            for (JsonNode op : ops) {
                String path = op.get("path").asText();
                if (path.startsWith(container + "/")) {
                    bytes += sizes.get(op);
                    first = first < 0 ? kept.size() : first;
                } else {
                    kept.add(op);
                }
            }
            if (first < 0) {
                continue;
            }
            JsonPointer pointer = JsonPointer.compile(container);
            JsonNode before = from.at(pointer);
            JsonNode after = to.at(pointer);
            if (before.isMissingNode() || after.isMissingNode()) {
                continue;
            }
            // {"op":"replace","path":…,"value":…}: measured without writing it out, and only as far as
            // it could still be shorter than the operations it would replace.
            int envelope = REPLACE_ENVELOPE + JsonSize.string(container);
            long room = bytes - 1 - envelope;
            if (room <= 0) {
                continue;
            }
            int value = JsonSize.of(after, (int) Math.min(Integer.MAX_VALUE - 1, room));
            if (value <= room) {
                ObjectNode replace = JsonNodeFactory.instance.objectNode();
                replace.put("op", "replace");
                replace.put("path", container);
                replace.set("value", after);
                sizes.put(replace, envelope + value);
                kept.add(first, replace);
                ops = kept;
            }
        }
        ArrayNode folded = JsonNodeFactory.instance.arrayNode();
        ops.forEach(folded::add);
        return folded;
    }

    /** The characters of {@code {"op":"replace","path":,"value":}} around the path and the value. */
    private static final int REPLACE_ENVELOPE = "{\"op\":\"replace\",\"path\":,\"value\":}".length();

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }
}
