package io.roundtable.core.view;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.roundtable.core.json.Json;

/**
 * Where a diff puts the RFC 6902 operations it finds: into a JSON array ({@link #into}), or straight into
 * JSON text ({@link #text}), which builds no tree of the operations or their values.
 */
public interface PatchOps {

    /** {@code {"op":"add","path":…,"value":…}} with {@code value} as the mapper writes it. */
    void add(String path, Object value);

    /** {@code {"op":"replace","path":…,"value":…}}. */
    void replace(String path, Object value);

    /** {@code {"op":"remove","path":…}}. */
    void remove(String path);

    /** Operations appended to {@code array}, each value as the mapper's tree of it. */
    static PatchOps into(ArrayNode array) {
        return new PatchOps() {
            @Override
            public void add(String path, Object value) {
                array.addObject().put("op", "add").put("path", path).set("value", Json.tree(value));
            }

            @Override
            public void replace(String path, Object value) {
                array.addObject().put("op", "replace").put("path", path).set("value", Json.tree(value));
            }

            @Override
            public void remove(String path) {
                array.addObject().put("op", "remove").put("path", path);
            }
        };
    }

    /** Operations written as JSON objects separated by commas, without the array's brackets. */
    static Text text() {
        return new Text();
    }

    /** The text form: {@link #toString()} is the operations written so far. */
    final class Text implements PatchOps {
        private final StringBuilder out = new StringBuilder();

        @Override
        public void add(String path, Object value) {
            op("add", path).append(",\"value\":").append(Json.write(value))
                    .append('}');
        }

        @Override
        public void replace(String path, Object value) {
            op("replace", path).append(",\"value\":").append(Json.write(value)).append('}');
        }

        @Override
        public void remove(String path) {
            op("remove", path).append('}');
        }

        private StringBuilder op(String op, String path) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append("{\"op\":\"").append(op).append("\",\"path\":\"");
            JsonStringEncoder.getInstance().quoteAsString(path, out);
            return out.append('"');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
