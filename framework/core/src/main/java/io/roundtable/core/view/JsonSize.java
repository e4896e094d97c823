package io.roundtable.core.view;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The length in characters of a node's compact JSON ({@code node.toString()}), counted without writing
 * it, and given up as soon as it passes a limit: deciding whether one operation is shorter than a few
 * others must not cost writing out a whole frame.
 */
final class JsonSize {
    private JsonSize() {
    }

    /** The length of {@code node.toString()}, or some number above {@code limit} once it exceeds it. */
    static int of(JsonNode node, int limit) {
        long size = count(node, limit);
        return size > limit ? limit + 1 : (int) size;
    }

    private static long count(JsonNode node, long limit) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                long size = 2;
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext() && size <= limit;) {
                    Map.Entry<String, JsonNode> field = it.next();
                    size += (first ? 0 : 1) + string(field.getKey()) + 1 + count(field.getValue(), limit - size);
                    first = false;
                }
                return size;
            }
            case ARRAY -> {
                long size = 2;
                for (int i = 0; i < node.size() && size <= limit; i++) {
                    size += (i == 0 ? 0 : 1) + count(node.get(i), limit - size);
                }
                return size;
            }
            case STRING -> {
                return string(node.textValue());
            }
            case NUMBER, BOOLEAN, NULL -> {
                return node.asText().length();
            }
            default -> {
                return node.toString().length();
            }
        }
    }

    /** A string with its quotes and the escapes Jackson writes. */
    static int string(String text) {
        int size = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
                size += 2;
            } else if (c < 0x20) {
                size += 6;
            } else {
                size += 1;
            }
        }
        return size;
    }
}
