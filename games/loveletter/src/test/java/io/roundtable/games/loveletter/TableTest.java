package io.roundtable.games.loveletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.Phase;
import io.roundtable.core.spi.Rejection;
import io.roundtable.testkit.Table;

/** A whole match in the real room engine: a person against two bots, reading only their own frame. */
class TableTest {

    /** What a generic UI does with the first button of {@code youMay}: the action, first value of each choice. */
    private static JsonNode firstPlay(JsonNode frame) {
        JsonNode option = frame.at("/game/youMay/0");
        ObjectNode action = option.get("action").deepCopy();
        option.get("choose").forEach(choice -> action.set(choice.get("param").asText(), choice.at("/from/0")));
        return action;
    }

    @Test
    void a_person_plays_a_whole_match_against_two_bots_using_the_buttons_their_frame_offers() {
        Table table = Table.of(new LoveLetter()).bots(2).seed(11).create();
        String ann = table.join("Ann");
        table.ready(ann).after(Duration.ofSeconds(3), ann);
        assertThat(table.phase()).isIn(Phase.PLAY, Phase.FINISHED);
        int turns = 0;
        while (table.phase() == Phase.PLAY) {
            JsonNode frame = table.frame(ann);
            assertThat(frame.at("/game/turn").asInt()).isEqualTo(frame.at("/game/you").asInt()); // bots have played
            table.act(ann, firstPlay(frame));
            turns++;
        }
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
        assertThat(table.frame(ann).at("/room/outcome/summary").asText()).isNotBlank();
        assertThat(table.frame(ann).at("/game/phase").asText()).isEqualTo("over");
        assertThat(turns).isPositive();
        assertThat(table.moves()).extracting(m -> m.by()).contains("player", "bot");
    }

    @Test
    void a_play_the_rules_refuse_reaches_only_its_player_with_the_code_and_sentence() {
        Table table = tableWhereAnnIsOnTurn();
        String ann = table.room().members().get(1).id();
        Rejection refusal = table.refuses(new Command.Act(ann, Json.tree(LoveLetterAction.play(0)), null, null),
                "loveletter/not_in_hand");
        assertThat(refusal.message()).isEqualTo("You do not hold that card.");
    }

    /** A room with one bot that has not ended the round before Ann's first turn. */
    private static Table tableWhereAnnIsOnTurn() {
        for (long seed = 1; ; seed++) {
            Table table = Table.of(new LoveLetter()).bots(1).seed(seed).create();
            String ann = table.join("Ann");
            table.ready(ann).after(Duration.ofSeconds(3), ann);
            if (table.phase() == Phase.PLAY) {
                return table;
            }
        }
    }
}
