package io.roundtable.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.roundtable.core.json.Json;
import io.roundtable.core.message.Target;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Policy;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardAction;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.sample.highcard.HighCardState;
import io.roundtable.sample.highcard.HighCardView;
import io.roundtable.testkit.GameScenario;
import io.roundtable.testkit.Leak;
import io.roundtable.testkit.LeakChecker;
import io.roundtable.testkit.RandomPlay;
import io.roundtable.testkit.RandomPlayReport;
import io.roundtable.testkit.Table;

/**
 * The usage examples of docs/testing-kit.md and docs/writing-a-game.md. The docs quote these lines
 * verbatim (DocsTest checks it), so every example there compiles and passes here.
 */
class DocExamplesTest {

    @Test
    void a_scenario_plays_the_rules_one_sentence_at_a_time() {
        var game = GameScenario.of(new HighCard()).players(3).seed(42).start();
        game.act(0, HighCardAction.swap());
        game.rejects(2, HighCardAction.keep(), "action/not_your_turn");    // seat 1 is on turn, not seat 2
        game.act(1, HighCardAction.keep()).act(2, HighCardAction.keep());
        game.rejects(1, HighCardAction.swap(), "highcard/betting_now");    // refused, and nothing changed
        assertThat(game.awaiting()).containsExactlyInAnyOrder(0, 1, 2);    // bets are simultaneous
        assertThat(game.viewOf(1, HighCardView.class).seats().get(0).card()).isNull();
    }

    @Test
    void a_table_runs_the_rules_in_the_room_engine_on_a_manual_clock() {
        Table table = Table.of(new HighCard()).create();           // .settings(…) .options(…) .bots(n) .seed(s)
        String ann = table.join("Ann");                            // member ids: m1, m2, … in join order
        String bob = table.join("Bob");
        String wes = table.watch("Wes");                           // a spectator
        table.ready(ann, bob);                                     // → BARRIER
        table.after(Duration.ofSeconds(3), ann, bob, wes);         // time passes; these three keep heartbeating
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
        table.act(ann, HighCardAction.swap());
        table.send(bob, Target.channel("odd"), "I kept mine");
        table.refuses(new Command.Kick(bob, ann), "room/not_host"); // refused, and the room did not change
        assertThat(table.inbox(bob)).extracting(m -> m.text()).containsExactly("I kept mine");
    }

    @Test
    void a_turn_timer_runs_out_on_the_tables_clock() {
        RoomSettings noCountdown = RoomSettings.defaults().withBarrierCountdown(Duration.ZERO);
        var table = Table.of(new HighCard()).options(HighCardOptions.timed(30)).settings(noCountdown).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        String cy = table.join("Cy");
        table.ready(ann, bob, cy);                                 // no countdown: play starts at once
        table.after(Duration.ofSeconds(30), ann, bob, cy);         // seat 0's clock ran out: it kept its card
        assertThat(table.moves()).singleElement().satisfies(m -> assertThat(m.by()).isEqualTo("timeout"));
    }

    @Test
    void the_leak_checker_compares_what_each_viewer_receives_across_states_it_cannot_tell_apart() {
        var game = GameScenario.of(new HighCard()).players(3).seed(7).start();
        var checker = LeakChecker.of(new HighCard()).perturbations(100);    // default: 3 variants per viewer
        List<Leak> leaks = checker.checkState(game.state(), 3, GameRandom.seeded(1));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        long seed = 7;      // the match seed
        long step = 0;      // moves logged before this one: apply gets GameRandom.forStep(seed, step), as in a room
        List<Leak> moreLeaks = checker.checkAction(game.state(), 0, HighCardAction.swap(), now, seed, step, 3,
                GameRandom.seeded(1));                              // this random picks the variants
        assertThat(leaks).isEmpty();
        assertThat(moreLeaks).isEmpty();
    }

    @Test
    void random_play_can_spread_games_over_threads_and_check_fewer_viewers_per_step() {
        RandomPlayReport report = RandomPlay.of(new HighCard()).games(150).seed(9)
                .threads(2)              // game g has the same seed whatever the thread count
                .viewersPerStep(2)       // leak-check 2 viewers per step (always including the actor), not all
                .roundTripEvery(10)      // the room's JSON round trip every 10 steps, and at the end
                .run();
        RandomPlayReport oneThread = RandomPlay.of(new HighCard()).games(150).seed(9)
                .viewersPerStep(2).roundTripEvery(10).run();
        assertThat(report.moves()).isEqualTo(oneThread.moves());
        assertThat(report.outcomes()).isEqualTo(oneThread.outcomes());
        assertThat(report.leakCount()).isZero();
        assertThat(report.violationCount()).isZero();
    }

    @Test
    void options_json_a_missing_object_reads_as_null_a_missing_int_is_refused_an_unknown_field_too() {
        HighCardOptions options = Json.read("{\"turnSeconds\":30}", HighCardOptions.class);
        assertThat(options.seatLoss()).isEqualTo(Policy.SeatLoss.BOT);  // missing, so null: the record's default
        assertThatThrownBy(() -> Json.read("{\"seatLoss\":\"PAUSE\"}", HighCardOptions.class))
                .isInstanceOf(IllegalArgumentException.class);          // a missing int is refused: box it
        assertThatThrownBy(() -> Json.read("{\"turnSecs\":30}", HighCardOptions.class))
                .isInstanceOf(IllegalArgumentException.class);          // a misspelt field is refused, not ignored
        assertThat(Json.write(new HighCardView(null, "swap", 0, 9, List.of(), null)))
                .isEqualTo("{\"step\":\"swap\",\"turn\":0,\"deckLeft\":9,\"seats\":[]}"); // null fields are left out
    }

    @Test
    void a_state_that_holds_nulls_keeps_them_in_a_list_that_accepts_them() {
        HighCardState state = new HighCard().setup(2, HighCardOptions.defaults(), GameRandom.seeded(1));
        assertThat(state.bets()).containsExactly(null, null);
        assertThat(Json.convert(Json.tree(state), HighCardState.class)).isEqualTo(state);
        assertThatThrownBy(() -> List.copyOf(state.bets())).isInstanceOf(NullPointerException.class);
    }
}
