package io.roundtable.runtime.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.json.Json;
import io.roundtable.runtime.protocol.ErrorBody;
import io.roundtable.runtime.protocol.ServerMessage;

/** A patch written from parts encoded once per change is the very message the mapper writes. */
class PatchTextTest {
    private static final JsonNode SHARED = Json.read("[{\"op\":\"replace\",\"path\":\"/room/phase\",\"value\":\"PLAY\"}]",
            JsonNode.class);
    private static final JsonNode OWN = Json.read("[{\"op\":\"add\",\"path\":\"/game/log/3\",\"value\":\"Seat 2 \\\"wins\\\".\"},"
            + "{\"op\":\"remove\",\"path\":\"/game/you\"}]", JsonNode.class);

    private static JsonNode written(long from, long version, JsonNode shared, JsonNode own, List<Object> events,
            ServerMessage.Reply reply) {
        String text = PatchText.of(from, version, PatchText.elements(shared), PatchText.elements(own),
                events == null ? null : Json.write(events), reply);
        return Json.read(text, JsonNode.class);
    }

    private static JsonNode mapper(long from, long version, JsonNode shared, JsonNode own, List<Object> events,
            ServerMessage.Reply reply) {
        var ops = Json.mapper().createArrayNode().addAll((ArrayNode) shared)
                .addAll((ArrayNode) own);
        return Json.read(Json.write(new ServerMessage.Patch(from, version, ops, events, reply)), JsonNode.class);
    }

    @Test
    void a_plain_patch_is_the_mappers_patch() {
        assertThat(written(4, 5, SHARED, OWN, null, null)).isEqualTo(mapper(4, 5, SHARED, OWN, null, null));
    }

    @Test
    void events_and_a_reply_ride_along_as_the_mapper_writes_them() {
        List<Object> events = List.of(Map.of("type", "voted", "seat", 3));
        ServerMessage.Reply accepted = new ServerMessage.Reply("r1", true, 5L, null, null);
        ServerMessage.Reply refused = new ServerMessage.Reply("r2", false, null, null, ErrorBody.of(ErrorCode.RATE_LIMITED));
        assertThat(written(4, 5, SHARED, OWN, events, accepted)).isEqualTo(mapper(4, 5, SHARED, OWN, events, accepted));
        assertThat(written(4, 5, SHARED, OWN, null, refused)).isEqualTo(mapper(4, 5, SHARED, OWN, null, refused));
        assertThat(written(4, 5, SHARED, OWN, events, accepted).get("reply").get("type").asText()).isEqualTo("reply");
    }

    @Test
    void either_part_may_be_empty() {
        JsonNode none = Json.mapper().createArrayNode();
        assertThat(written(4, 5, none, OWN, null, null)).isEqualTo(mapper(4, 5, none, OWN, null, null));
        assertThat(written(4, 5, SHARED, none, null, null)).isEqualTo(mapper(4, 5, SHARED, none, null, null));
        assertThat(written(4, 5, none, none, null, null).get("ops")).isEmpty();
    }
}
