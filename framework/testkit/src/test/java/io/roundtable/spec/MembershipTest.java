package io.roundtable.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.roundtable.core.message.Target;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Phase;
import io.roundtable.core.spi.Policy;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardAction;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.testkit.Table;

/** Joining, leaving, kicking and who hosts the room. */
class MembershipTest {

    @Test
    void joining_twice_from_the_same_client_is_refused() {
        Table table = Table.of(new HighCard()).create();
        table.join("Ann");
        table.refuses(new Command.Join("Ann again", false, "client-Ann"), "room/already_member");
        table.refuses(new Command.Join("Ann watching", true, "client-Ann"), "room/already_member");
    }

    @Test
    void a_display_name_has_one_to_32_characters_and_no_control_characters() {
        Table table = Table.of(new HighCard()).create();
        table.refuses(new Command.Join("   ", false, "a"), "room/name_invalid");
        table.refuses(new Command.Join(null, false, "b"), "room/name_invalid");
        table.refuses(new Command.Join("x".repeat(33), false, "c"), "room/name_invalid");
        table.refuses(new Command.Join("Ann\u0000", false, "d"), "room/name_invalid");
        String id = table.join("  " + "é".repeat(32) + " ");
        assertThat(table.room().member(id).orElseThrow().name()).isEqualTo("é".repeat(32));
    }

    @Test
    void two_members_of_a_room_never_share_a_name_and_nobody_takes_a_bots_name() {
        Table table = Table.of(new HighCard()).bots(1).create();
        table.join("Ann");
        table.refuses(new Command.Join("ann", false, "client-ann"), "room/name_taken");
        table.refuses(new Command.Join(" ANN ", true, "client-ANN"), "room/name_taken");
        table.refuses(new Command.Join("bot 1", false, "client-bot"), "room/name_taken");
        String annie = table.join("Annie");
        assertThat(table.room().member(annie).orElseThrow().name()).isEqualTo("Annie");
    }

    @Test
    void a_full_room_refuses_another_player_but_still_takes_a_spectator() {
        Table table = Table.of(new HighCard()).create();
        for (String name : Tables.NAMES) {
            table.join(name);
        }
        table.refuses(new Command.Join("Eve", false, "client-Eve"), "room/full");
        String eve = table.watch("Eve");
        assertThat(table.room().member(eve).orElseThrow().isSpectator()).isTrue();
    }

    @Test
    void joining_a_fixed_game_in_play_is_refused_but_watching_it_still_works() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        table.refuses(new Command.Join("Cy", false, "client-Cy"), "room/in_play");
        String cy = table.watch("Cy");
        assertThat(table.room().member(cy).orElseThrow().seat()).isNull();
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
    }

    @Test
    void joining_a_finished_game_is_refused_but_watching_it_still_works() {
        Table table = Table.of(new HighCard()).settings(Tables.NO_COUNTDOWN).bots(2).create();
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
        table.refuses(new Command.Join("Ann", false, "client-Ann"), "room/finished");
        table.watch("Ann");
    }

    @Test
    void leaving_the_lobby_frees_the_seat_for_the_next_player() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.join("Cy");
        table.leave(bob);
        assertThat(table.room().member(bob)).isEmpty();
        String dee = table.join("Dee");
        assertThat(table.room().member(dee).orElseThrow().seat()).isEqualTo(1);
        assertThat(table.room().members()).extracting(Member::id).containsExactly(ann, "m3", dee);
        table.refuses(new Command.Leave(bob), "room/not_member");
    }

    @Test
    void a_member_who_left_may_join_again_as_a_new_member() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        table.leave(ann);
        String again = table.join("Ann");
        assertThat(again).isNotEqualTo(ann).isEqualTo("m2");
    }

    @Test
    void the_host_is_the_first_human_and_hands_over_in_join_order_when_leaving() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String wes = table.watch("Wes");
        String bob = table.join("Bob");
        assertThat(table.room().roster().host()).isEqualTo(ann);
        assertThat(table.frame(ann).at("/me/host").asBoolean()).isTrue();
        assertThat(table.frame(bob).at("/me/host").asBoolean()).isFalse();
        table.leave(ann);
        assertThat(table.room().roster().host()).as("the spectator joined before Bob").isEqualTo(wes);
        table.leave(wes);
        assertThat(table.room().roster().host()).isEqualTo(bob);
        table.leave(bob);
        assertThat(table.room().roster().host()).isNull();
    }

    @Test
    void the_host_can_kick_a_player_from_the_lobby() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.kick(ann, bob);
        assertThat(table.room().member(bob)).isEmpty();
    }

    @Test
    void kicking_a_player_during_the_barrier_sends_the_room_back_to_the_lobby() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.ready(ann, bob).kick(ann, bob);
        assertThat(table.phase()).isEqualTo(Phase.LOBBY);
    }

    @Test
    void only_the_host_may_kick() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.refuses(new Command.Kick(bob, ann), "room/not_host");
        table.refuses(new Command.Kick("m42", ann), "room/not_member");
    }

    @Test
    void the_host_cannot_kick_themself() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        table.refuses(new Command.Kick(ann, ann), "room/cannot_kick_self");
    }

    @Test
    void kicking_someone_who_is_not_there_is_refused() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        assertThat(table.refuses(new Command.Kick(ann, "m9"), "room/not_member").message())
                .isEqualTo("That member is not in this room.");
    }

    @Test
    void a_seated_player_cannot_be_kicked_during_play_but_a_spectator_can() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        String wes = table.watch("Wes");
        table.refuses(new Command.Kick(seated.seat(0), seated.seat(1)), "room/wrong_phase");
        table.kick(seated.seat(0), wes);
        assertThat(table.room().member(wes)).isEmpty();
    }

    @Test
    void a_bot_can_be_kicked_from_the_lobby() {
        Table table = Table.of(new HighCard()).bots(2).create();
        String ann = table.join("Ann");
        table.kick(ann, "m1");
        assertThat(table.room().seated()).extracting(Member::id).containsExactly("m2", ann);
    }

    @Test
    void a_player_who_leaves_during_play_is_replaced_by_a_bot_and_hands_the_host_over() {
        var seated = Tables.playing(3);
        Table table = seated.table();
        table.leave(seated.seat(0));
        Member gone = table.room().member(seated.seat(0)).orElseThrow();
        assertThat(gone.bot()).isTrue();
        assertThat(gone.seat()).isZero();
        assertThat(table.room().roster().host()).isEqualTo(seated.seat(1));
        assertThat(table.moves()).as("the bot took seat 0's turn at once").singleElement()
                .satisfies(m -> assertThat(m.by() + m.seat()).isEqualTo("bot0"));
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
    }

    @Test
    void a_player_who_left_a_game_in_play_may_come_back_to_watch_it() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        table.leave(seated.seat(0));
        table.refuses(new Command.Join("Ann", false, "client-Ann"), "room/in_play");
        String watching = table.watch("Ann");
        assertThat(table.room().member(watching).orElseThrow().isSpectator()).isTrue();
        assertThat(table.room().member(seated.seat(0)).orElseThrow().bot()).as("the bot keeps the seat").isTrue();
    }

    @Test
    void a_player_who_left_a_game_in_play_can_no_longer_act_or_chat_as_the_bot_in_their_seat() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        String ann = seated.seat(0);
        table.leave(ann);
        table.act(seated.seat(1), Tables.keep());
        table.refuses(new Command.Act(ann, Tables.bet("high"), null, null), "room/not_member");
        table.refuses(new Command.Send(ann, Target.room(), "still here", null),
                "room/not_member");
        table.refuses(new Command.Leave(ann), "room/not_member");
    }

    @Test
    void with_the_abort_policy_a_player_leaving_during_play_ends_the_game_without_winners() {
        var seated = Tables.playing(2, HighCardOptions.onSeatLoss(Policy.SeatLoss.ABORT));
        Table table = seated.table();
        table.leave(seated.seat(1));
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
        assertThat(table.room().slot().outcome().winners()).isEmpty();
        assertThat(table.room().slot().outcome().summary()).isEqualTo("Bob left, so the game was abandoned.");
    }

    @Test
    void with_the_pause_policy_a_player_leaving_for_good_ends_the_game_since_nobody_is_coming_back() {
        var seated = Tables.playing(2, HighCardOptions.onSeatLoss(Policy.SeatLoss.PAUSE));
        Table table = seated.table();
        table.leave(seated.seat(0));
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
        assertThat(table.room().slot().paused()).isFalse();
        assertThat(table.room().slot().outcome().summary()).contains("Ann left");
    }

    @Test
    void members_may_leave_a_finished_game() {
        Table table = Table.of(new HighCard()).settings(Tables.NO_COUNTDOWN).bots(1).create();
        String ann = table.join("Ann");
        table.ready(ann);
        table.act(ann, HighCardAction.keep()).act(ann, HighCardAction.bet("high"));
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
        table.leave(ann);
        assertThat(table.room().members()).extracting(Member::id).containsExactly("m1");
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
    }
}
