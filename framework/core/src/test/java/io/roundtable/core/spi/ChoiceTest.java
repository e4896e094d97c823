package io.roundtable.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.roundtable.core.json.Json;

/** A view's typed youMay on the wire, as the browser UI's generic table reads it, and back. */
class ChoiceTest {

    @Test
    void a_choice_is_its_action_its_label_and_its_parameters_each_with_its_kind() {
        Choice propose = Choice.of("propose", "Propose a team", Param.seats("team", "The team", List.of(0, 1, 2, 3, 4), 2));
        assertThat(Json.tree(propose).toString()).isEqualTo("{\"action\":\"propose\",\"label\":\"Propose a team\","
                + "\"params\":[{\"kind\":\"seats\",\"name\":\"team\",\"label\":\"The team\",\"from\":[0,1,2,3,4],\"min\":2,\"max\":2}]}");
    }

    @Test
    void every_kind_of_parameter_reads_back_as_itself() {
        List<Choice> youMay = List.of(
                Choice.of("target", "Target", Param.seat("seat", "Whom", List.of(1, 3))),
                Choice.of("discard", "Discard", Param.cards("cards", "Two cards", List.of("7H", "QS", "2C"), 2),
                        Param.card("keep", "Keep", List.of("AS"))),
                Choice.of("bid", "Bid", Param.number("count", "How many", 1, 12), Param.oneOf("face", "Face", List.of(2, 3, 4, 5, 6)),
                        Param.oneOf("suit", "Suit", List.of("hearts", "spades"))),
                Choice.of("vote", "Vote", Param.yesNo("approve", "Approve the team")),
                Choice.of("call", "Call liar"));
        String json = Json.tree(youMay).toString();
        Choice[] back = Json.read(json, Choice[].class);
        assertThat(back).containsExactlyElementsOf(youMay);
        assertThat(json).contains("{\"kind\":\"yesNo\",\"name\":\"approve\",\"label\":\"Approve the team\"}")
                .contains("\"params\":[]");
    }
}
