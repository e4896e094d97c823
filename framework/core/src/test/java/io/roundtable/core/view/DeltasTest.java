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

    @Test
    void the_size_of_a_node_is_counted_exactly_as_its_json_and_given_up_past_the_limit() {
        JsonNode node = json("{\"name\":\"Ann \\\"the\\\" \\\\ best\\n\\t\\u0001\",\"n\":[1,-2.5,1e300,12345678901234,true,false,null],"
                + "\"nested\":{\"empty\":{},\"list\":[],\"text\":\"Éé — ✓\"},\"k\\\"ey\":\"\"}");
        assertThat(JsonSize.of(node, Integer.MAX_VALUE)).isEqualTo(node.toString().length());
        for (JsonNode child : node) {
            assertThat(JsonSize.of(child, Integer.MAX_VALUE)).isEqualTo(child.toString().length());
        }
        assertThat(JsonSize.of(node, 10)).isEqualTo(11);
    }

    @Test
    void a_list_changed_in_many_places_travels_as_one_replace_when_that_is_shorter() {
        JsonNode from = json("{\"log\":[\"a\",\"b\",\"c\",\"d\",\"e\"],\"keep\":1}");
        JsonNode to = json("{\"log\":[\"v\",\"w\",\"x\",\"y\",\"z\"],\"keep\":1}");
        JsonNode patch = Deltas.diff(from, to);
        assertThat(patch).hasSize(1);
        assertThat(patch.get(0).get("path").asText()).isEqualTo("/log");
        assertThat(Deltas.apply(patch, from)).isEqualTo(to);
        JsonNode small = Deltas.diff(from, json("{\"log\":[\"a\",\"b\",\"c\",\"d\",\"Z\"],\"keep\":1}"));
        assertThat(small.get(0).get("path").asText()).isEqualTo("/log/4");
    }
}
