package io.roundtable.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.RoomEngine;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.core.room.Result;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.sample.highcard.HighCardState;
import io.roundtable.sample.relay.Relay;
import io.roundtable.testkit.Table;

/** Fixed games: the lobby, the ready barrier and its countdown, bots at creation, options. */
class LobbyAndBarrierTest {
    private static final Duration COUNTDOWN = RoomSettings.defaults().timings().barrierCountdown();

    @Test
    void a_new_fixed_room_waits_in_the_lobby_without_a_host() {
        Table table = Table.of(new HighCard()).create();
        assertThat(table.phase()).isEqualTo(Phase.LOBBY);
        assertThat(table.room().members()).isEmpty();
        assertThat(table.room().roster().host()).isNull();
        assertThat(table.room().version()).isEqualTo(1);
    }

    @Test
    void players_take_the_lowest_free_seat_and_the_member_list_keeps_join_order() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String watcher = table.watch("Wes");
        String bob = table.join("Bob");
        assertThat(table.room().members()).extracting(Member::id).containsExactly(ann, watcher, bob);
        assertThat(table.room().members()).extracting(Member::seat).containsExactly(0, null, 1);
        assertThat(table.room().members()).extracting(Member::name).containsExactly("Ann", "Wes", "Bob");
        assertThat(ann).isEqualTo("m1");
        assertThat(bob).isEqualTo("m3");
        assertThat(table.room().roster().host()).isEqualTo(ann);
    }

    @Test
    void when_everyone_seated_is_ready_the_room_enters_the_barrier_and_plays_when_the_countdown_ends() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.ready(ann);
        assertThat(table.phase()).isEqualTo(Phase.LOBBY);
        table.ready(bob);
        assertThat(table.phase()).isEqualTo(Phase.BARRIER);
        assertThat(table.room().slot().barrierEndsAt()).isEqualTo(table.now().plus(COUNTDOWN));
        assertThat(table.frame(ann).at("/room/barrierEndsAt").asText()).isEqualTo(table.now().plus(COUNTDOWN).toString());
        table.after(COUNTDOWN.minusMillis(1), ann, bob);
        assertThat(table.phase()).isEqualTo(Phase.BARRIER);
        table.after(Duration.ofMillis(1), ann, bob);
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
        assertThat(table.room().slot().barrierEndsAt()).isNull();
        assertThat(table.room().state().isNull()).isFalse();
    }

    @Test
    void the_countdown_is_configurable() {
        Table table = Table.of(new HighCard())
                .settings(RoomSettings.defaults().withBarrierCountdown(Duration.ofSeconds(10))).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.ready(ann, bob).after(Duration.ofSeconds(9), ann, bob);
        assertThat(table.phase()).isEqualTo(Phase.BARRIER);
        table.after(Duration.ofSeconds(1), ann, bob);
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
    }

    @Test
    void with_a_zero_countdown_the_room_goes_straight_to_play() {
        Table table = Table.of(new HighCard()).settings(Tables.NO_COUNTDOWN).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.ready(ann, bob);
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
    }

    @Test
    void an_unready_player_during_the_barrier_sends_the_room_back_to_the_lobby() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.ready(ann, bob).unready(bob);
        assertThat(table.phase()).isEqualTo(Phase.LOBBY);
        assertThat(table.room().slot().barrierEndsAt()).isNull();
        table.after(COUNTDOWN.plusSeconds(1), ann, bob);
        assertThat(table.phase()).isEqualTo(Phase.LOBBY);
    }

    @Test
    void a_player_leaving_during_the_barrier_sends_the_room_back_to_the_lobby() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.ready(ann, bob).leave(bob);
        assertThat(table.phase()).isEqualTo(Phase.LOBBY);
        table.after(COUNTDOWN.plusSeconds(1), ann);
        assertThat(table.phase()).isEqualTo(Phase.LOBBY);
    }

    @Test
    void a_player_leaving_during_the_barrier_returns_to_the_lobby_even_when_enough_players_remain() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        String cy = table.join("Cy");
        table.ready(ann, bob, cy).leave(cy);
        assertThat(table.phase()).isEqualTo(Phase.LOBBY);
        assertThat(table.room().slot().barrierEndsAt()).isNull();
        table.after(COUNTDOWN.plusSeconds(1), ann, bob);
        assertThat(table.phase()).as("the two left must confirm again that they play without Cy")
                .isEqualTo(Phase.LOBBY);
        table.ready(ann, bob);
        assertThat(table.phase()).isEqualTo(Phase.BARRIER);
    }

    @Test
    void a_newcomer_during_the_barrier_sends_the_room_back_to_the_lobby() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.ready(ann, bob);
        String cy = table.join("Cy");
        assertThat(table.phase()).isEqualTo(Phase.LOBBY);
        table.ready(cy);
        assertThat(table.phase()).isEqualTo(Phase.BARRIER);
    }

    @Test
    void a_spectator_arriving_during_the_barrier_does_not_stop_the_countdown() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.ready(ann, bob);
        String wes = table.watch("Wes");
        assertThat(table.phase()).isEqualTo(Phase.BARRIER);
        table.after(COUNTDOWN, ann, bob, wes);
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
    }

    @Test
    void one_ready_player_alone_does_not_start_a_game_for_two_or_more() {
        Table table = Table.of(new HighCard()).settings(Tables.NO_COUNTDOWN).create();
        String ann = table.join("Ann");
        table.ready(ann);
        assertThat(table.phase()).isEqualTo(Phase.LOBBY);
    }

    @Test
    void getting_ready_twice_is_accepted_and_changes_nothing() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        table.ready(ann);
        long version = table.room().version();
        Reply reply = table.apply(new Command.Ready(ann, true));
        assertThat(reply).isEqualTo(new Reply.Accepted(version, ann, false));
        assertThat(table.last().changed()).isFalse();
        assertThat(table.room().version()).isEqualTo(version);
    }

    @Test
    void a_spectator_cannot_get_ready() {
        Table table = Table.of(new HighCard()).create();
        String wes = table.watch("Wes");
        table.refuses(new Command.Ready(wes, true), "room/spectator");
        table.refuses(new Command.Ready("m99", true), "room/not_member");
    }

    @Test
    void getting_ready_during_play_is_refused_as_the_wrong_phase() {
        var seated = Tables.playing(2);
        seated.table().refuses(new Command.Ready(seated.seat(0), false), "room/wrong_phase");
    }

    @Test
    void seats_are_renumbered_in_table_order_when_play_begins() {
        Table table = Table.of(new HighCard()).settings(Tables.NO_COUNTDOWN).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        String cy = table.join("Cy");
        table.leave(bob);
        assertThat(table.room().member(cy).orElseThrow().seat()).isEqualTo(2);
        table.ready(ann, cy);
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
        assertThat(table.room().member(ann).orElseThrow().seat()).isZero();
        assertThat(table.room().member(cy).orElseThrow().seat()).isEqualTo(1);
        assertThat(new HighCard().awaiting(Json.convert(table.room().state(),
                HighCardState.class))).containsExactly(0);
    }

    @Test
    void bots_fill_seats_at_creation_and_are_always_ready() {
        Table table = Table.of(new HighCard()).bots(2).create();
        assertThat(table.room().members()).extracting(Member::seat).containsExactly(0, 1);
        assertThat(table.room().members()).allMatch(m -> m.bot() && m.ready() && m.client() == null);
        assertThat(table.room().roster().host()).as("a bot is never the host").isNull();
        assertThat(table.phase()).as("bots alone are enough players: the countdown runs").isEqualTo(Phase.BARRIER);
        String ann = table.join("Ann");
        assertThat(table.room().member(ann).orElseThrow().seat()).isEqualTo(2);
        assertThat(table.room().roster().host()).isEqualTo(ann);
        assertThat(table.phase()).isEqualTo(Phase.LOBBY);
        table.ready(ann).after(COUNTDOWN, ann);
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
        assertThat(table.moves()).as("the bots in seats 0 and 1 played until it was Ann's turn")
                .extracting(m -> m.by() + m.seat()).containsExactly("bot0", "bot1");
    }

    @Test
    void a_room_full_of_bots_plays_itself_to_the_end() {
        Table table = Table.of(new HighCard()).settings(Tables.NO_COUNTDOWN).bots(4).create();
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
        assertThat(table.room().slot().outcome()).isNotNull();
        assertThat(table.moves()).hasSize(8).allMatch(m -> m.by().equals("bot"));
    }

    @Test
    void too_many_bots_or_bots_in_a_dynamic_room_are_refused() {
        assertThat(Table.of(new HighCard()).bots(5).refused().code()).isEqualTo("request/invalid");
        assertThat(Table.of(new HighCard()).bots(-1).refused().code()).isEqualTo("request/invalid");
        assertThat(Table.of(new Relay()).bots(1).refused().code()).isEqualTo("request/invalid");
    }

    @Test
    void invalid_options_at_creation_are_refused_with_the_games_own_sentence() {
        var rejection = Table.of(new HighCard()).options(HighCardOptions.timed(-5)).refused();
        assertThat(rejection.code()).isEqualTo("room/invalid_options");
        assertThat(rejection.message()).isEqualTo("A turn lasts 0 (no timer) to 3600 seconds.");
    }

    @Test
    void options_of_the_wrong_shape_are_refused_without_echoing_them() {
        RoomEngine engine = new RoomEngine(GameCatalog.of(new HighCard()), RoomSettings.defaults());
        Result step = engine.create("r", "highcard", Json.mapper().createObjectNode().put("secretSauce", "x".repeat(500)),
                0, 1, Instant.EPOCH);
        Reply.Rejected rejected = (Reply.Rejected) step.reply();
        assertThat(rejected.rejection().code()).isEqualTo("room/invalid_options");
        assertThat(rejected.rejection().message()).doesNotContain("xxxxxxxxxx").hasSizeLessThan(300);
        assertThat(step.room()).isNull();
        assertThat(step.changed()).isFalse();
    }

    @Test
    void an_unknown_game_is_refused() {
        RoomEngine engine = new RoomEngine(GameCatalog.of(new HighCard()), RoomSettings.defaults());
        Result step = engine.create("r", "chess\u0007" + "y".repeat(100), null, 0, 1, Instant.EPOCH);
        Reply.Rejected rejected = (Reply.Rejected) step.reply();
        assertThat(rejected.rejection().code()).isEqualTo("room/unknown_game");
        assertThat(rejected.rejection().message()).doesNotContain("\u0007").hasSizeLessThan(100);
        assertThat(step.room()).isNull();
    }

    @Test
    void missing_or_empty_options_become_the_games_defaults() {
        RoomEngine engine = new RoomEngine(GameCatalog.of(new HighCard()), RoomSettings.defaults());
        var fromNull = engine.create("r", "highcard", null, 0, 1, Instant.EPOCH).room();
        var fromEmpty = engine.create("r", "highcard", Json.mapper().createObjectNode(), 0, 1, Instant.EPOCH).room();
        assertThat(fromNull.facts().options()).isEqualTo(Json.tree(HighCardOptions.defaults()));
        assertThat(fromEmpty.facts().options()).isEqualTo(fromNull.facts().options());
    }
}
