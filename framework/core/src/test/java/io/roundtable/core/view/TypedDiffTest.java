package io.roundtable.core.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.roundtable.core.json.Json;

/** Typed views are diffed without their JSON, and the operations turn the old JSON into the new. */
class TypedDiffTest {

    enum Colour {
        RED, BLUE
    }

    record Label(String text) {
        @JsonValue
        String json() {
            return "label:" + text;
        }
    }

    record Seat(int seat, String name) {
    }

    record View(int turn, Integer you, Colour colour, List<String> log, List<Seat> seats, Map<String, Integer> scores,
            @JsonProperty("tag") Label label, JsonNode extra) {
    }

    private static final View BEFORE = new View(1, 2, Colour.RED, List.of("a", "b"),
            List.of(new Seat(0, "Ann"), new Seat(1, "Bo"), new Seat(2, "Cy")), Map.of("Ann", 1, "a/b~c", 2),
            new Label("x"), Json.read("{\"k\":[1,2]}", JsonNode.class));

    private static ArrayNode ops(Object before, Object after) {
        ArrayNode ops = Json.mapper().createArrayNode();
        TypedDiff.diff("/game", before, after, ops);
        JsonNode from = Json.mapper().createObjectNode().set("game", Json.tree(before));
        JsonNode to = Json.mapper().createObjectNode().set("game", Json.tree(after));
        assertThat(Deltas.apply(ops, from)).as("the operations %s turn the old JSON into the new", ops).isEqualTo(to);
        PatchOps.Text text = PatchOps.text();
        TypedDiff.diff("/game", before, after, text);
        assertThat(Json.read("[" + text + "]", JsonNode.class)).as("written straight to text, the same operations")
                .isEqualTo(ops);
        return ops;
    }

    private static List<String> paths(ArrayNode ops) {
        return ops.findValuesAsText("path");
    }

    @Test
    void equal_views_give_no_operation() {
        View same = new View(1, 2, Colour.RED, List.of("a", "b"),
                List.of(new Seat(0, "Ann"), new Seat(1, "Bo"), new Seat(2, "Cy")), Map.of("a/b~c", 2, "Ann", 1),
                new Label("x"), Json.read("{\"k\":[1,2]}", JsonNode.class));
        assertThat(ops(BEFORE, same)).isEmpty();
    }

    @Test
    void a_changed_scalar_is_replaced_and_a_grown_log_gets_only_its_new_lines() {
        View after = new View(2, 2, Colour.BLUE, List.of("a", "b", "c", "d"), BEFORE.seats(), BEFORE.scores(),
                BEFORE.label(), BEFORE.extra());
        ArrayNode ops = ops(BEFORE, after);
        assertThat(paths(ops)).containsExactly("/game/turn", "/game/colour", "/game/log/2", "/game/log/3");
        assertThat(ops.findValuesAsText("op")).containsExactly("replace", "replace", "add", "add");
    }

    @Test
    void a_field_that_becomes_null_is_removed_and_one_that_appears_is_added() {
        View spectator = new View(1, null, Colour.RED, BEFORE.log(), BEFORE.seats(), BEFORE.scores(), BEFORE.label(),
                BEFORE.extra());
        assertThat(ops(BEFORE, spectator).findValuesAsText("op")).containsExactly("remove");
        assertThat(paths(ops(spectator, BEFORE))).containsExactly("/game/you");
    }

    @Test
    void one_changed_element_of_a_list_is_diffed_inside_it_and_a_mostly_changed_list_is_replaced() {
        View oneRenamed = new View(1, 2, Colour.RED, BEFORE.log(),
                List.of(new Seat(0, "Ann"), new Seat(1, "Bea"), new Seat(2, "Cy")), BEFORE.scores(), BEFORE.label(),
                BEFORE.extra());
        assertThat(paths(ops(BEFORE, oneRenamed))).containsExactly("/game/seats/1/name");
        View reshuffled = new View(1, 2, Colour.RED, List.of("b"),
                List.of(new Seat(2, "Cy"), new Seat(0, "Ann"), new Seat(1, "Bo")), BEFORE.scores(), BEFORE.label(),
                BEFORE.extra());
        assertThat(paths(ops(BEFORE, reshuffled))).containsExactly("/game/log/0", "/game/seats");
    }

    @Test
    void elements_taken_out_of_a_list_are_removed_last_first() {
        View fewer = new View(1, 2, Colour.RED, BEFORE.log(), List.of(new Seat(1, "Bo")), BEFORE.scores(),
                BEFORE.label(), BEFORE.extra());
        View oneLess = new View(1, 2, Colour.RED, BEFORE.log(), List.of(new Seat(0, "Ann"), new Seat(2, "Cy")),
                BEFORE.scores(), BEFORE.label(), BEFORE.extra());
        assertThat(paths(ops(BEFORE, oneLess))).containsExactly("/game/seats/1");
        assertThat(paths(ops(BEFORE, fewer))).as("two of three gone: the list is replaced").containsExactly("/game/seats");
        View waiting = new View(1, 2, Colour.RED, List.of("a", "b", "c", "d", "e"), BEFORE.seats(), BEFORE.scores(),
                BEFORE.label(), BEFORE.extra());
        View voted = new View(1, 2, Colour.RED, List.of("a", "c", "e"), BEFORE.seats(), BEFORE.scores(),
                BEFORE.label(), BEFORE.extra());
        assertThat(paths(ops(waiting, voted))).containsExactly("/game/log/3", "/game/log/1");
    }

    @Test
    void a_bounded_log_that_dropped_its_oldest_lines_and_took_new_ones_has_those_removed_and_these_added() {
        View full = new View(1, 2, Colour.RED, List.of("a", "b", "c", "d"), BEFORE.seats(), BEFORE.scores(),
                BEFORE.label(), BEFORE.extra());
        View moved = new View(1, 2, Colour.RED, List.of("b", "c", "d", "e"), BEFORE.seats(), BEFORE.scores(),
                BEFORE.label(), BEFORE.extra());
        ArrayNode ops = ops(full, moved);
        assertThat(paths(ops)).containsExactly("/game/log/0", "/game/log/3");
        assertThat(ops.findValuesAsText("op")).containsExactly("remove", "add");
        View movedTwo = new View(1, 2, Colour.RED, List.of("c", "d", "e", "f", "g"), BEFORE.seats(), BEFORE.scores(),
                BEFORE.label(), BEFORE.extra());
        assertThat(paths(ops(full, movedTwo))).containsExactly("/game/log/0", "/game/log/0", "/game/log/2",
                "/game/log/3", "/game/log/4");
    }

    @Test
    void map_keys_are_escaped_as_json_pointers_and_renamed_or_specially_written_values_keep_their_json() {
        Map<String, Integer> scores = new TreeMap<>(Map.of("Ann", 1, "a/b~c", 3, "Dee", 0, "Q\"uote", 4));
        View after = new View(1, 2, Colour.RED, BEFORE.log(), BEFORE.seats(), scores, new Label("y"),
                Json.read("{\"k\":[1,2,3]}", JsonNode.class));
        ArrayNode ops = ops(BEFORE, after);
        assertThat(paths(ops)).containsExactlyInAnyOrder("/game/scores/Dee", "/game/scores/a~1b~0c",
                "/game/scores/Q\"uote", "/game/tag", "/game/extra/k/2");
        assertThat(ops.findValue("value").isNumber()).isTrue();
    }

    record Badge(@JsonInclude(JsonInclude.Include.ALWAYS) String holder, String note) {
    }

    @Test
    void a_property_written_even_when_null_is_replaced_by_null_not_removed() {
        ArrayNode ops = ops(new Badge("Ann", "x"), new Badge(null, null));
        assertThat(ops.findValuesAsText("op")).containsExactly("replace", "remove");
        assertThat(paths(ops)).containsExactly("/game/holder", "/game/note");
        assertThat(paths(ops(new Badge(null, null), new Badge("Bo", null)))).containsExactly("/game/holder");
    }

    @Test
    void a_view_that_appears_or_ends_replaces_the_whole_game() {
        assertThat(paths(ops(null, BEFORE))).containsExactly("/game");
        assertThat(paths(ops(BEFORE, null))).containsExactly("/game");
    }
}
