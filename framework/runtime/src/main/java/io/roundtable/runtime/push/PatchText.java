package io.roundtable.runtime.push;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.runtime.protocol.ServerMessage;

/**
 * A {@code patch} message written from parts, some of them encoded once per change for every socket
 * (the operations on the shared part of the frame, the events): the same JSON as
 * {@link ServerMessage.Patch} written by the mapper ({@code PatchTextTest} checks it).
 */
final class PatchText {
    private PatchText() {
    }

    /**
     * The message; {@code sharedOps} and {@code ownOps} are operations written without their brackets
     * (either may be empty), {@code events} the events' JSON array or null, {@code reply} null when none.
     */
    static String of(long from, long version, String sharedOps, String ownOps, String events,
            ServerMessage.Reply reply) {
        StringBuilder text = new StringBuilder(64 + sharedOps.length() + ownOps.length()
                + (events == null ? 0 : events.length() + 10));
        text.append("{\"type\":\"patch\",\"from\":").append(from).append(",\"version\":").append(version)
                .append(",\"ops\":[").append(sharedOps);
        if (!sharedOps.isEmpty() && !ownOps.isEmpty()) {
            text.append(',');
        }
        text.append(ownOps).append(']');
        if (events != null) {
            text.append(",\"events\":").append(events);
        }
        if (reply != null) {
            text.append(",\"reply\":").append(Json.write(reply));
        }
        return text.append('}').toString();
    }

    /** A JSON array's elements as JSON, without the brackets. */
    static String elements(JsonNode array) {
        String json = Json.write(array);
        return json.substring(1, json.length() - 1);
    }
}
