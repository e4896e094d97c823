package io.roundtable.core.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;

class DeltasTest {

    private static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }

    @Test
    void a_delta_turns_the_old_frame_into_the_new_one() {
        JsonNode from = json("{\"a\":1,\"list\":[1,2,3],\"gone\":true,\"deep\":{\"x\":[{\"y\":1}]}}");
        JsonNode to = json("{\"a\":2,\"list\":[3,2,1,0],\"deep\":{\"x\":[{\"y\":2},{\"z\":null}]},\"new\":\"n\"}");
        JsonNode patch = Deltas.diff(from, to);
        assertThat(Deltas.apply(patch, from)).isEqualTo(to);
    }

    @Test
    void only_add_remove_and_replace_are_used_and_removals_carry_no_old_value() {
        JsonNode from = json("{\"list\":[\"a\",\"b\",\"c\",\"d\"],\"secret\":\"old\"}");
        JsonNode to = json("{\"list\":[\"d\",\"a\",\"b\",\"c\"],\"copy\":[\"a\",\"b\",\"c\",\"d\"]}");
        JsonNode patch = Deltas.diff(from, to);
        assertThat(patch.findValuesAsText("op")).allMatch(op -> op.equals("add") || op.equals("remove")
                || op.equals("replace"));
        assertThat(patch.toString()).doesNotContain("old");
        assertThat(Deltas.apply(patch, from)).isEqualTo(to);
    }

    @Test
    void equal_frames_give_an_empty_patch_and_applying_it_changes_nothing() {
        JsonNode frame = json("{\"a\":[1,{\"b\":2}]}");
        JsonNode patch = Deltas.diff(frame, frame.deepCopy());
        assertThat(patch.isArray()).isTrue();
        assertThat(patch).isEmpty();
        assertThat(Deltas.apply(patch, frame)).isEqualTo(frame);
    }

    @Test
    void applying_a_delta_leaves_the_old_frame_intact() {
        JsonNode from = json("{\"a\":1}");
        JsonNode copy = from.deepCopy();
        Deltas.apply(Deltas.diff(from, json("{\"a\":2}")), from);
        assertThat(from).isEqualTo(copy);
    }
}
