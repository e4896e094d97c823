package io.roundtable.core.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;

/** A frame's delta is taken part by part: the same node on both sides is no change at all. */
class FrameDeltaTest {

    private static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }

    @Test
    void each_part_is_diffed_on_its_own_and_the_delta_turns_the_old_frame_into_the_new_one() {
        JsonNode from = json("{\"room\":{\"version\":4,\"phase\":\"PLAY\"},\"me\":{\"inbox\":1},\"game\":null}");
        JsonNode to = json("{\"room\":{\"version\":5,\"phase\":\"FINISHED\"},\"me\":{\"inbox\":1},\"game\":{\"turn\":2},"
                + "\"voice\":null}");
        JsonNode ops = Frames.delta(from, to);
        assertThat(ops.findValuesAsText("path")).containsExactly("/room/phase", "/game", "/voice")
                .as("the version is the patch message's, never an operation").doesNotContain("/room/version");
        JsonNode applied = Frames.applyDelta(from, ops, 5);
        assertThat(applied).isEqualTo(to);
    }

    @Test
    void a_part_both_frames_hold_as_the_same_node_gives_no_operation() {
        JsonNode sharedBefore = json("{\"version\":1,\"members\":[\"m1\"]}");
        JsonNode sharedAfter = json("{\"version\":2,\"members\":[\"m1\",\"m2\"]}");
        JsonNode unchanged = json("{\"max\":6}");
        for (String me : List.of("m1", "m2")) {
            ObjectNode from = Json.mapper().createObjectNode();
            from.set("room", sharedBefore);
            from.set("voice", unchanged);
            from.put("me", me + "-old");
            ObjectNode to = Json.mapper().createObjectNode();
            to.set("room", sharedAfter);
            to.set("voice", unchanged);
            to.put("me", me);

            JsonNode ops = Frames.delta(from, to);

            assertThat(Frames.applyDelta(from, ops, 2)).isEqualTo(to);
            assertThat(ops.findValuesAsText("path")).containsExactly("/room/members/1", "/me");
        }
    }
}
