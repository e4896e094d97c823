package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.spi.Choice;
import io.roundtable.core.spi.Param;
import io.roundtable.testkit.GameScenario;

/** The rules, one sentence per test. */
class OddOrEvenTest {

    private static GameScenario<OddOrEvenOptions, OddOrEvenState, OddOrEvenAction> aGame() {
        return GameScenario.of(new OddOrEven()).players(2).seed(1).start();
    }

    private static GameScenario<OddOrEvenOptions, OddOrEvenState, OddOrEvenAction> picked(Integer... picks) {
        return GameScenario.of(new OddOrEven()).players(2)
                .dealt(s -> new OddOrEvenState(Arrays.asList(picks))).start();
    }

    @Test
    void both_players_pick_at_the_same_time() {
        assertThat(aGame().awaiting()).containsExactly(0, 1);
    }

    @Test
    void an_odd_sum_wins_for_seat_0() {
        var game = aGame().act(1, OddOrEvenAction.pick(2)).act(0, OddOrEvenAction.pick(5));
        assertThat(game.outcome()).hasValueSatisfying(o -> {
            assertThat(o.winners()).containsExactly(0);
            assertThat(o.summary()).isEqualTo("Odd wins: the picks add up to 7.");
        });
    }

    @Test
    void an_even_sum_wins_for_seat_1() {
        var game = picked(3, null).act(1, OddOrEvenAction.pick(5));
        assertThat(game.outcome().orElseThrow().winners()).containsExactly(1);
    }

    @Test
    void a_number_outside_1_to_5_is_refused_and_changes_nothing() {
        var refusal = aGame().rejects(0, OddOrEvenAction.pick(6), "oddeven/out_of_range");
        assertThat(refusal.message()).isEqualTo("Pick a number from 1 to 5.");
    }

    @Test
    void a_seat_that_has_picked_cannot_pick_again() {
        picked(3, null).rejects(0, OddOrEvenAction.pick(2), ErrorCode.ACTION_NOT_YOUR_TURN.code());
    }

    @Test
    void each_player_sees_only_their_own_pick_until_the_end() {
        var game = picked(3, null);
        assertThat(game.viewOf(0, OddOrEvenView.class).myPick()).isEqualTo(3);
        assertThat(game.viewOf(1, OddOrEvenView.class).myPick()).isNull();
        assertThat(game.viewOf(1, OddOrEvenView.class).picked()).containsExactly(true, false);
        assertThat(game.spectatorView().has("picks")).isFalse();
        assertThat(game.viewOf(0, OddOrEvenView.class).youMay()).isEmpty();
        assertThat(game.viewOf(1, OddOrEvenView.class).youMay()).containsExactly(
                Choice.of("pick", "Pick", Param.oneOf("number", "Your number", List.of(1, 2, 3, 4, 5))));
    }

    @Test
    void everything_is_shown_once_both_have_picked() {
        var game = picked(3, null).act(1, OddOrEvenAction.pick(4));
        assertThat(game.spectatorView().get("picks").toString()).isEqualTo("[3,4]");
        assertThat(game.viewOf(0, OddOrEvenView.class).winner()).isEqualTo(0);
    }

    @Test
    void a_game_replays_exactly_from_its_seed_and_moves() {
        var game = aGame().act(0, OddOrEvenAction.pick(1)).act(1, OddOrEvenAction.pick(1));
        assertThat(game.replayed()).isEqualTo(game.state());
    }
}
