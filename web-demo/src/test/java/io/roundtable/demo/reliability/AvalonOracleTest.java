package io.roundtable.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;

/** The spy's oracle is not blind: it passes an honest frame and catches each kind of leak planted in one. */
class AvalonOracleTest {
    /** Seat 0 Merlin, 1 Percival, 2 Servant, 3 Morgana, 4 Oberon; one proposal decided at version 20. */
    static final AvalonOracle.Truth TRUTH = new AvalonOracle.Truth(
            List.of("merlin", "percival", "servant", "morgana", "oberon"), false,
            Map.of("m1", 0, "m2", 1, "m3", 2, "m4", 3, "m5", 4),
            List.of(new AvalonOracle.Proposal(List.of("approve", "reject", "approve", "reject", "reject"), 20)));

    static JsonNode frame(String game, String channels) {
        return Json.read("{\"room\":{\"phase\":\"PLAY\",\"options\":{\"timers\":{\"vote\":0}},\"members\":[]},"
                + "\"channels\":" + channels + ",\"game\":" + game + "}", JsonNode.class);
    }

    static final String PERCIVAL = "{\"you\":1,\"role\":\"percival\",\"side\":\"good\",\"phase\":\"vote\","
            + "\"sees\":[{\"seat\":0,\"as\":\"merlin-or-morgana\"},{\"seat\":3,\"as\":\"merlin-or-morgana\"}],"
            + "\"youMay\":[{\"action\":\"vote\",\"choices\":[\"approve\",\"reject\"]}],\"voted\":[0,2],"
            + "\"proposals\":[],\"quests\":[],\"log\":[\"Seat 0 leads first.\"]}";

    @Test
    void an_honest_frame_passes() {
        assertThat(AvalonOracle.check(TRUTH, 1, 15, frame(PERCIVAL, "[]"))).isEmpty();
        assertThat(AvalonOracle.night(TRUTH, 0)).isEqualTo(Map.of(3, "evil", 4, "evil"));
        assertThat(AvalonOracle.night(TRUTH, 3)).isEmpty(); // Morgana's only partner is Oberon, whom she does not see
        assertThat(AvalonOracle.night(TRUTH, 4)).isEmpty();
    }

    @Test
    void a_planted_leak_of_each_kind_is_caught() {
        List<String> leaks = List.of(
                PERCIVAL.replace("\"as\":\"merlin-or-morgana\"}]", "\"as\":\"merlin-or-morgana\"},{\"seat\":4,\"as\":\"evil\"}]"),
                PERCIVAL.replace("\"role\":\"percival\"", "\"role\":\"merlin\""),
                PERCIVAL.replace("\"proposals\":[]", "\"proposals\":[{\"votes\":[\"approve\",\"reject\",\"approve\","
                        + "\"reject\",\"reject\"]}]"),
                PERCIVAL.replace("\"voted\":[0,2]", "\"voted\":[0,2],\"votes\":{\"0\":\"approve\"}"),
                PERCIVAL.replace("\"Seat 0 leads first.\"", "\"Seat 0 leads first.\",\"Seat 3 played Fail.\""),
                PERCIVAL.replace("\"Seat 0 leads first.\"", "\"Seat 0 leads first.\",\"Seat 0 is Merlin.\""),
                PERCIVAL.replace("\"phase\":\"vote\"", "\"phase\":\"vote\",\"roles\":[\"merlin\"]"),
                PERCIVAL.replace("\"phase\":\"vote\"", "\"phase\":\"vote\",\"assassin\":4"));
        for (String leak : leaks) {
            assertThat(AvalonOracle.check(TRUTH, 1, 15, frame(leak, "[]"))).as(leak).isNotEmpty();
        }
        assertThat(AvalonOracle.check(TRUTH, 1, 15, frame(PERCIVAL, "[{\"id\":\"evil\",\"members\":[\"m4\"]}]")))
                .as("a good seat shown the evil channel").isNotEmpty();
        assertThat(AvalonOracle.check(TRUTH, null, 15, frame(PERCIVAL, "[]"))).as("a spectator shown a seat's view")
                .isNotEmpty();
        assertThat(AvalonOracle.checkEvents(Json.read("{\"events\":[{\"type\":\"voted\",\"seat\":1,\"vote\":\"reject\"}]}",
                JsonNode.class))).isNotEmpty();
    }
}
