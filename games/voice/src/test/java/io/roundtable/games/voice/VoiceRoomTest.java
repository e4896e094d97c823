package io.roundtable.games.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.roundtable.core.room.Command;
import io.roundtable.core.room.Phase;
import io.roundtable.testkit.Table;

/** A voice room is open from the first member, lets people come and go, and always has a voice mesh. */
class VoiceRoomTest {

    @Test
    void a_voice_room_is_in_play_from_the_start_and_has_a_voice_mesh() {
        Table table = Table.of(new VoiceRoom()).create();
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
        String ann = table.join("Ann");
        table.apply(new Command.VoiceJoin(ann));
        assertThat(table.frame(ann).at("/voice/participants/0/member").asText()).isEqualTo(ann);
        assertThat(table.frame(ann).at("/voice/max").asInt()).isEqualTo(6);
    }

    @Test
    void members_come_and_go_and_the_room_keeps_them_in_arrival_order() {
        Table table = Table.of(new VoiceRoom()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        String cy = table.join("Cy");
        table.leave(bob);
        String dee = table.join("Dee");
        assertThat(table.frame(ann).at("/game/seats")).hasSize(3);
        assertThat(table.frame(ann).at("/room/members").findValuesAsText("id")).containsExactly(ann, cy, dee);
        assertThat(table.frame(dee).at("/game/seats/2").asInt()).isEqualTo(1);
    }

    @Test
    void the_room_holds_at_most_its_maximum() {
        Table table = Table.of(new VoiceRoom()).options(new VoiceRoom.Options(2)).create();
        table.join("Ann");
        table.join("Bob");
        table.refuses(new Command.Join("Cy", false, "cy"), "room/full");
    }

    @Test
    void a_voice_room_has_no_moves_and_refuses_odd_sizes() {
        Table table = Table.of(new VoiceRoom()).create();
        String ann = table.join("Ann");
        table.refuses(new Command.Act(ann, io.roundtable.core.json.Json.mapper().createObjectNode().put("type", "x"),
                null, null), "action/not_your_turn");
        assertThat(Table.of(new VoiceRoom()).options(new VoiceRoom.Options(40)).refused().code())
                .isEqualTo("room/invalid_options");
    }
}
