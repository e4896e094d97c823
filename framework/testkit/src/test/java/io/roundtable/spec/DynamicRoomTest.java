package io.roundtable.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Replay;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.sample.relay.Relay;
import io.roundtable.testkit.Table;

/** Dynamic rooms: play from the first member, members come and go during play up to the maximum. */
class DynamicRoomTest {
    private static final Relay RELAY = new Relay();

    private static Relay.State state(Table table) {
        return Json.convert(table.room().state(), Relay.State.class);
    }

    private static Table relay(int maxPlayers) {
        return Table.of(RELAY).options(new Relay.Options(maxPlayers, 12)).create();
    }

    @Test
    void a_dynamic_room_is_in_play_from_its_creation_and_its_first_member_can_play_at_once() {
        Table table = relay(3);
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
        assertThat(state(table).seats()).isEmpty();
        String ann = table.join("Ann");
        assertThat(state(table).seats()).containsExactly(0);
        table.act(ann, new Relay.Word("once"));
        assertThat(state(table).story()).containsExactly("once");
        assertThat(table.frame(ann).at("/room/joinMode").asText()).isEqualTo("DYNAMIC");
    }

    @Test
    void members_come_and_go_during_play_up_to_the_maximum() {
        Table table = relay(3);
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        String cy = table.join("Cy");
        table.refuses(new Command.Join("Dee", false, "client-Dee"), "room/full");
        table.leave(bob);
        assertThat(state(table).seats()).containsExactly(0, 2);
        String dee = table.join("Dee");
        assertThat(table.room().member(dee).orElseThrow().seat()).as("the freed seat").isEqualTo(1);
        assertThat(state(table).seats()).containsExactly(0, 2, 1);
        assertThat(table.room().members()).extracting(Member::id).containsExactly(ann, cy, dee);
        assertThat(table.moves()).extracting(m -> m.kind() + m.seat())
                .containsExactly("join0", "join1", "join2", "leave1", "join1");
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
    }

    @Test
    void the_turn_passes_on_when_the_member_whose_turn_it_is_leaves() {
        Table table = relay(4);
        String ann = table.join("Ann");
        table.join("Bob");
        String cy = table.join("Cy");
        table.act(ann, new Relay.Word("once"));
        assertThat(state(table).turn()).isEqualTo(1);
        table.leave("m2");
        assertThat(state(table).turn()).isEqualTo(2);
        table.act(cy, new Relay.Word("upon"));
        assertThat(state(table).turn()).isZero();
    }

    @Test
    void a_room_that_everyone_left_stays_open_and_waits_for_nobody() {
        Table table = relay(2);
        String ann = table.join("Ann");
        table.leave(ann);
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
        assertThat(RELAY.awaiting(state(table))).isEmpty();
        assertThat(table.room().roster().host()).isNull();
        String bob = table.join("Bob");
        assertThat(table.room().roster().host()).isEqualTo(bob);
        table.act(bob, new Relay.Word("hello"));
    }

    @Test
    void getting_ready_in_a_dynamic_room_is_refused() {
        Table table = relay(2);
        String ann = table.join("Ann");
        table.refuses(new Command.Ready(ann, true), "room/wrong_phase");
    }

    @Test
    void the_host_may_kick_a_player_during_play_of_a_dynamic_room() {
        Table table = relay(3);
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.kick(ann, bob);
        assertThat(table.room().member(bob)).isEmpty();
        assertThat(state(table).seats()).containsExactly(0);
    }

    @Test
    void a_silent_member_of_a_dynamic_room_loses_the_seat_after_the_grace_period() {
        Table table = relay(3);
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        Duration grace = RoomSettings.defaults().timings().gracePeriod();
        table.after(grace, ann);
        assertThat(table.room().member(bob)).isPresent();
        table.after(Duration.ofMillis(1), ann);
        assertThat(table.room().member(bob)).isEmpty();
        assertThat(state(table).seats()).containsExactly(0);
    }

    @Test
    void the_story_ends_when_it_has_its_words_and_then_the_room_is_finished() {
        Table table = Table.of(RELAY).options(new Relay.Options(2, 3)).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.act(ann, new Relay.Word("a")).act(bob, new Relay.Word("dragon")).act(ann, new Relay.Word("sang"));
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
        assertThat(table.room().slot().outcome().summary()).isEqualTo("a dragon sang.");
        table.refuses(new Command.Join("Cy", false, "client-Cy"), "room/finished");
    }

    @Test
    void a_dynamic_game_replays_from_an_empty_setup_and_its_join_and_leave_moves() {
        Table table = relay(3);
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.act(ann, new Relay.Word("once"));
        table.leave(bob);
        table.join("Cy");
        table.act(ann, new Relay.Word("upon"));
        var host = new GameAdapter<>(RELAY);
        var moves = table.moves();
        assertThat(moves).extracting(Move::index).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(Replay.state(host, table.room().facts().options(), 0, table.room().facts().seed(), moves, moves.size()))
                .isEqualTo(table.room().state());
    }

    @Test
    void a_word_that_is_not_a_word_is_refused_by_the_game() {
        Table table = relay(2);
        String ann = table.join("Ann");
        var rejection = table.refuses(new Command.Act(ann, Json.tree(new Relay.Word("Hello world")), null, null),
                "relay/not_a_word");
        assertThat(rejection.message()).isEqualTo("A word is 1 to 12 lowercase letters.");
    }
}
