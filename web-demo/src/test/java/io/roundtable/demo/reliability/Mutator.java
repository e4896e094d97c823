package io.roundtable.demo.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;

/**
 * Seeded random mutations of valid command JSON: flipped bytes, truncation, type swaps, extra and
 * missing fields, deep nesting, huge and strange strings, huge numbers. The same seed gives the same
 * inputs, so a failure reproduces.
 */
final class Mutator {
    /** Valid commands of every kind, as the socket and {@code POST /commands} take them. */
    static final List<String> COMMANDS = List.of(
            "{\"type\":\"ready\",\"ready\":true,\"ref\":\"r1\"}",
            "{\"type\":\"act\",\"action\":{\"type\":\"vote\",\"vote\":\"approve\"},\"expectedVersion\":12,\"idempotencyKey\":\"k-1\",\"ref\":\"a1\"}",
            "{\"type\":\"act\",\"action\":{\"type\":\"propose\",\"team\":[0,1]},\"ref\":\"a2\"}",
            "{\"type\":\"act\",\"action\":{\"type\":\"quest\",\"card\":\"success\"}}",
            "{\"type\":\"send\",\"to\":{\"kind\":\"room\"},\"text\":\"hello\",\"ref\":\"s1\"}",
            "{\"type\":\"send\",\"to\":{\"kind\":\"direct\",\"member\":\"m4\"},\"text\":\"psst\",\"idempotencyKey\":\"d.1\",\"ref\":\"s2\"}",
            "{\"type\":\"send\",\"to\":{\"kind\":\"channel\",\"channel\":\"evil\"},\"text\":\"fail it\",\"ref\":\"s3\"}",
            "{\"type\":\"send\",\"kind\":\"signal\",\"to\":{\"kind\":\"direct\",\"member\":\"m5\"},\"text\":\"v=0\",\"ref\":\"s4\"}",
            "{\"type\":\"ack\",\"upTo\":1,\"ref\":\"k1\"}",
            "{\"type\":\"ping\",\"ref\":\"p1\"}",
            "{\"type\":\"sync\",\"version\":3,\"inbox\":0,\"ref\":\"y1\"}",
            "{\"type\":\"voice-join\",\"ref\":\"v1\"}",
            "{\"type\":\"voice-report\",\"muted\":true,\"links\":{\"m5\":\"connected\"},\"ref\":\"v2\"}",
            "{\"type\":\"voice-leave\",\"ref\":\"v3\"}");

    /** Valid Avalon actions, as the {@code action} of an {@code act}. */
    static final List<String> ACTIONS = List.of(
            "{\"type\":\"propose\",\"team\":[0,3]}", "{\"type\":\"propose\",\"team\":[1,2,4]}",
            "{\"type\":\"vote\",\"vote\":\"approve\"}", "{\"type\":\"vote\",\"vote\":\"reject\"}",
            "{\"type\":\"quest\",\"card\":\"success\"}", "{\"type\":\"quest\",\"card\":\"fail\"}",
            "{\"type\":\"lady\",\"target\":2}", "{\"type\":\"assassinate\",\"target\":1}");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] KEYS = { "member", "from", "seat", "type", "ref", "action", "to", "text", "__proto__",
            "constructor", "version", "kind", "" };
    private static final String[] TYPES = { "ready", "act", "send", "ack", "leave", "kick", "ping", "sync", "voice-join",
            "voice-leave", "voice-report", "propose", "vote", "quest", "lady", "assassinate", "snapshot", "error", "" };
    private static final String[] NUMBERS = { "1e999999", "-1e999999", "99999999999999999999999", "-0", "1.5", "0",
            "-1", "2147483648", "9223372036854775808", "1e-999999", "0.0000001" };
    private static final String[] STRANGE = { "\\ud800", "\\udfff\\ud800", "\\u0000", "\\u202e\\u202d", "😀",
            "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%s%n%x", "\\\\", "\\\"", "\\n\\r\\t" };

    private final Random random;
    /** Raw JSON text for placeholders of the mutation being built (huge numbers, escapes, deep nesting). */
    private final List<String> raws = new ArrayList<>();

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** One to three mutations of {@code json}; the result may be anything, valid JSON or not. */
    String mutate(String json) {
        String text = json;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            text = once(text);
        }
        return text;
    }

    private String once(String text) {
        switch (random.nextInt(10)) {
            case 0:
                return flipBytes(text);
            case 1:
                return text.substring(0, random.nextInt(text.length() + 1));
            case 2:
                return splice(text);
            default:
                JsonNode tree;
                try {
                    tree = Json.read(text, JsonNode.class);
                } catch (IllegalArgumentException unreadable) {
                    return splice(text);
                }
                return structural(tree);
        }
    }

    private String flipBytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return text;
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Inserts a token (a bracket, a quote, a strange string, a number) at a random place. */
    private String splice(String text) {
        String[] tokens = { "{", "}", "[", "]", "\"", ",", ":", "null", "\\", STRANGE[random.nextInt(STRANGE.length)],
                NUMBERS[random.nextInt(NUMBERS.length)] };
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + tokens[random.nextInt(tokens.length)] + text.substring(at);
    }

    private String structural(JsonNode tree) {
        raws.clear();
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        if (containers.isEmpty()) {
            return unplace(write(value(random.nextInt(9))));
        }
        JsonNode target = pick(containers);
        int kind = random.nextInt(7);
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (kind == 0 || names.isEmpty()) {
                object.set(KEYS[random.nextInt(KEYS.length)], value(random.nextInt(9)));
            } else if (kind == 1) {
                object.remove(pick(names));
            } else if (kind == 2) {
                object.put("type", TYPES[random.nextInt(TYPES.length)]);
            } else {
                object.set(pick(names), value(random.nextInt(9)));
            }
        } else if (target instanceof ArrayNode array) {
            if (kind < 3 || array.isEmpty()) {
                array.add(value(random.nextInt(9)));
            } else {
                array.set(random.nextInt(array.size()), value(random.nextInt(9)));
            }
        }
        return unplace(write(tree));
    }

    /** JSON with every non-ASCII character escaped: a lone surrogate must travel as {@code \\ud800}, not as a char. */
    private static String write(JsonNode tree) {
        try {
            return Json.mapper().writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
                    .writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String unplace(String written) {
        for (int i = 0; i < raws.size(); i++) {
            written = written.replace("\"@@" + i + "@@\"", raws.get(i));
        }
        return written;
    }

    private JsonNode raw(String json) {
        raws.add(json);
        return NODES.textNode("@@" + (raws.size() - 1) + "@@");
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), into);
            }
        }
    }

    /**
     * A replacement value of one of several shapes. Raw tokens the mapper cannot hold (huge numbers,
     * lone surrogates, deep nesting) travel as placeholders replaced after writing.
     */
    private JsonNode value(int kind) {
        switch (kind) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return raw(NUMBERS[random.nextInt(NUMBERS.length)]);
            case 3:
                return raw("\"" + STRANGE[random.nextInt(STRANGE.length)] + "\"");
            case 4:
                int[] sizes = { 1_001, 16_385, 40_000, 70_000 };
                return NODES.textNode("x".repeat(sizes[random.nextInt(sizes.length)]));
            case 5:
                int[] depths = { 3, 63, 65, 1_000, 10_000 };
                return raw(Arena.nested(depths[random.nextInt(depths.length)]));
            case 6:
                return NODES.numberNode(random.nextInt(12) - 2);
            case 7:
                ObjectNode object = NODES.objectNode();
                object.put("kind", pick(List.of("room", "direct", "channel", "x")));
                object.put("member", "m" + random.nextInt(12));
                return object;
            default:
                return NODES.textNode(TYPES[random.nextInt(TYPES.length)]);
        }
    }
}
