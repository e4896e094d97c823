package io.roundtable.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class JsonTest {
    record Point(int x, Integer y, Instant at) {
    }

    @Test
    void nulls_are_left_out_and_instants_are_written_as_text() {
        assertThat(Json.write(new Point(1, null, Instant.parse("2026-11-26T10:00:00Z"))))
                .isEqualTo("{\"x\":1,\"at\":\"2026-11-26T10:00:00Z\"}");
    }

    @Test
    void map_entries_are_written_in_key_order() {
        Map<String, Integer> map = new java.util.HashMap<>(Map.of("b", 2, "a", 1, "c", 3));
        assertThat(Json.write(map)).isEqualTo("{\"a\":1,\"b\":2,\"c\":3}");
        assertThat(Json.write(new TreeMap<>(map))).isEqualTo(Json.write(map));
    }

    @Test
    void values_round_trip_through_text_and_trees() {
        Point p = new Point(1, 2, Instant.parse("2026-11-26T10:00:00.123456789Z"));
        assertThat(Json.read(Json.write(p), Point.class)).isEqualTo(p);
        assertThat(Json.convert(Json.tree(p), Point.class)).isEqualTo(p);
    }

    @Test
    void unknown_fields_trailing_tokens_and_nulls_for_primitives_are_refused() {
        assertThatThrownBy(() -> Json.read("{\"x\":1,\"z\":2}", Point.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("z");
        assertThatThrownBy(() -> Json.read("{\"x\":1} {}", Point.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.read("{\"x\":null}", Point.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.convert(Json.read("{\"x\":\"one\"}", JsonNode.class), Point.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deeply_nested_or_huge_numbers_are_refused() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThatThrownBy(() -> Json.read(deep, JsonNode.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.read("1" + "0".repeat(40), JsonNode.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Json.read("[".repeat(60) + "]".repeat(60), JsonNode.class).isArray()).isTrue();
    }

    @Test
    void a_value_that_cannot_be_written_is_an_error_of_the_program() {
        Object selfish = new Object() {
            @SuppressWarnings("unused")
            public Object getMe() {
                return this;
            }
        };
        assertThatThrownBy(() -> Json.write(selfish)).isInstanceOf(IllegalStateException.class);
        assertThat(Json.mapper()).isNotNull();
    }
}
