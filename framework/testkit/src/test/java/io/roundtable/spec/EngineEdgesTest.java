package io.roundtable.spec;

import static io.roundtable.spec.Tables.keep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardAction;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.sample.highcard.HighCardState;
import io.roundtable.testkit.Table;

/** What the engine does when a game's bot or timeout hook has nothing sensible to offer, and other edges. */
class EngineEdgesTest {

    /** HighCard whose bots never have a move, and whose timeouts do nothing. */
    static class NoBots extends HighCard {
        @Override
        public String id() {
            return "nobots";
        }

        @Override
        public Optional<HighCardAction> bot(HighCardState state, int seat, GameRandom random) {
            return Optional.empty();
        }

        @Override
        public Optional<HighCardAction> onTimeout(HighCardState state, int seat, GameRandom random) {
            return Optional.empty();
        }
    }

    /** HighCard whose bots and timeouts always try a bet, legal or not. */
    static class RecklessBots extends HighCard {
        @Override
        public String id() {
            return "reckless";
        }

        @Override
        public Optional<HighCardAction> bot(HighCardState state, int seat, GameRandom random) {
            return Optional.of(HighCardAction.bet("high"));
        }

        @Override
        public Optional<HighCardAction> onTimeout(HighCardState state, int seat, GameRandom random) {
            return Optional.of(HighCardAction.bet("all-in"));
        }
    }

    @Test
    void a_bot_without_a_move_leaves_its_seat_waiting_and_nothing_is_logged() {
        Table table = Table.of(new NoBots()).settings(Tables.NO_COUNTDOWN).bots(1).create();
        String ann = table.join("Ann");
        table.ready(ann);
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
        assertThat(table.moves()).isEmpty();
        assertThat(new NoBots().awaiting(Json.convert(table.room().state(), HighCardState.class))).containsExactly(0);
    }

    @Test
    void a_bot_move_the_rules_refuse_is_not_applied() {
        Table table = Table.of(new RecklessBots()).settings(Tables.NO_COUNTDOWN).bots(1).create();
        String ann = table.join("Ann");
        table.ready(ann);
        assertThat(table.moves()).as("a bet before the bets open is refused").isEmpty();
    }

    @Test
    void a_timeout_without_an_action_just_restarts_the_clock() {
        Table table = Table.of(new NoBots()).settings(Tables.NO_COUNTDOWN).options(HighCardOptions.timed(10)).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.ready(ann, bob).after(Duration.ofSeconds(10), ann, bob);
        assertThat(table.moves()).isEmpty();
        assertThat(table.room().slot().timer().deadline()).isEqualTo(table.now().plusSeconds(10));
    }

    @Test
    void a_timeout_action_the_rules_refuse_is_not_applied() {
        Table table = Table.of(new RecklessBots()).settings(Tables.NO_COUNTDOWN).options(HighCardOptions.timed(10))
                .create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.ready(ann, bob).after(Duration.ofSeconds(10), ann, bob);
        assertThat(table.moves()).isEmpty();
        table.act(ann, HighCardAction.keep());
    }

    @Test
    void bots_stop_after_the_configured_number_of_moves_in_one_step() {
        RoomSettings fewBotMoves = RoomSettings.defaults().withBarrierCountdown(Duration.ZERO).withMaxBotMoves(3);
        Table table = Table.of(new HighCard()).settings(fewBotMoves).bots(4).create();
        assertThat(table.moves()).hasSize(3);
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
    }

    @Test
    void two_games_cannot_share_an_id_in_one_catalogue() {
        assertThatThrownBy(() -> GameCatalog.of(new HighCard(), new HighCard()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("highcard");
        GameCatalog catalog = GameCatalog.of(new HighCard(), new NoBots());
        assertThat(catalog.all()).extracting(GameAdapter::id).containsExactly("highcard", "nobots");
        assertThat(catalog.get("nobots").rules()).isInstanceOf(NoBots.class);
    }

    /** HighCard saying where its view holds seats. */
    static class SeatsAt extends HighCard {
        final List<String> pointers;

        SeatsAt(List<String> pointers) {
            this.pointers = pointers;
        }

        @Override
        public List<String> seatFields() {
            return pointers;
        }
    }

    @Test
    void a_game_names_where_its_view_holds_seats_with_json_pointers_and_anything_else_is_refused() {
        assertThat(GameCatalog.of(new SeatsAt(List.of("/turn", "/bid/seat"))).get("highcard").rules().seatFields())
                .containsExactly("/turn", "/bid/seat");
        assertThat(new HighCard().seatFields()).as("by default none").isEmpty();
        for (String bad : List.of("turn", "/", "//seat", "/turn/")) {
            assertThatThrownBy(() -> GameCatalog.of(new SeatsAt(List.of(bad)))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON Pointer").hasMessageContaining(bad);
        }
    }

    @Test
    void the_game_host_reads_the_typed_rules_through_json() {
        var seated = Tables.playing(3);
        var host = new GameAdapter<>(new HighCard());
        var state = seated.table().room().state();
        assertThat(host.secrets(state)).hasSize(12);
        assertThat(host.typed(state).hands()).hasSize(3);
        assertThat(host.spectatorsMayChat(null)).isTrue();
        seated.table().act(seated.seat(0), keep());
        assertThat(seated.table().room().inSeat(0).map(Member::id)).hasValue(seated.seat(0));
        assertThat(seated.table().room().inSeat(7)).isEmpty();
        assertThat(seated.table().room().humans()).hasSize(3);
        assertThat(List.of(seated.all())).hasSize(3);
    }
}
