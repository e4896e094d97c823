package io.roundtable.games.liarsdice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.spi.Choice;
import io.roundtable.core.spi.Param;
import io.roundtable.testkit.GameScenario;

/** The rules, one sentence per test. */
class LiarsDiceTest {

    /** Ann (seat 0) holds 1 4 4, Bob (seat 1) 2 3 6, Cid (seat 2) 4 5 5; Ann opens. */
    private static GameScenario<LiarsDiceOptions, LiarsDiceState, LiarsDiceAction> rolled() {
        return GameScenario.of(new LiarsDice()).players(3).seed(1)
                .dealt(s -> new LiarsDiceState(List.of(List.of(1, 4, 4), List.of(2, 3, 6), List.of(4, 5, 5)), 0, null, null))
                .start();
    }

    @Test
    void everyone_starts_with_five_dice_and_seat_0_opens() {
        var game = GameScenario.of(new LiarsDice()).players(4).seed(3).start();
        assertThat(game.state().dice()).allSatisfy(dice -> assertThat(dice).hasSize(5));
        assertThat(game.awaiting()).containsExactly(0);
    }

    @Test
    void a_bid_must_raise_the_last_one() {
        var game = rolled().act(0, LiarsDiceAction.bid(2, 4));
        game.rejects(1, LiarsDiceAction.bid(2, 3), "liarsdice/too_low");
        game.rejects(1, LiarsDiceAction.bid(1, 6), "liarsdice/too_low");
        game.act(1, LiarsDiceAction.bid(2, 5)).act(2, LiarsDiceAction.bid(3, 2));
        assertThat(game.state().bid()).isEqualTo(new LiarsDiceState.Standing(2, 3, 2));
    }

    @Test
    void ones_are_wild_so_nobody_bids_on_them_and_no_bid_exceeds_the_dice_on_the_table() {
        var game = rolled();
        assertThat(game.rejects(0, LiarsDiceAction.bid(2, 1), "liarsdice/face").message())
                .isEqualTo("Bid on a face from 2 to 6: ones are wild.");
        assertThat(game.rejects(0, LiarsDiceAction.bid(10, 4), "liarsdice/count").message())
                .isEqualTo("Bid 1 to 9 dice: that many are on the table.");
    }

    @Test
    void there_is_nothing_to_call_before_the_first_bid() {
        rolled().rejects(0, LiarsDiceAction.liar(), "liarsdice/no_bid");
    }

    @Test
    void a_true_bid_costs_the_caller_a_die_counting_ones_as_the_face() {
        // fours on the table: Ann's 1 4 4 and Cid's 4 = four of them
        var game = rolled().act(0, LiarsDiceAction.bid(4, 4)).act(1, LiarsDiceAction.liar());
        assertThat(game.state().dice().stream().map(List::size).toList()).containsExactly(3, 2, 3);
        assertThat(game.state().lastCall().found()).isEqualTo(4);
        assertThat(game.awaiting()).as("the loser opens the next round").containsExactly(1);
        assertThat(game.state().bid()).isNull();
    }

    @Test
    void a_short_bid_costs_the_bidder_a_die() {
        // sixes on the table: Bob's 6 and Ann's 1 = two, not three
        var game = rolled().act(0, LiarsDiceAction.bid(3, 6)).act(1, LiarsDiceAction.liar());
        assertThat(game.state().dice().stream().map(List::size).toList()).containsExactly(2, 3, 3);
        assertThat(game.viewOf(2, LiarsDiceView.class).lastCall())
                .isEqualTo("Seat 2 called seat 1's bid of 3 × 6: there were 2. Seat 1 loses a die.");
        assertThat(game.viewOf(2, LiarsDiceView.class).shownDice()).containsExactly("1 4 4", "2 3 6", "4 5 5");
    }

    @Test
    void the_last_player_with_dice_wins() {
        var game = GameScenario.of(new LiarsDice()).players(2).seed(1)
                .dealt(s -> new LiarsDiceState(List.of(List.of(2), List.of(3, 3)), 0, null, null)).start()
                .act(0, LiarsDiceAction.bid(3, 2)).act(1, LiarsDiceAction.liar());
        assertThat(game.outcome()).hasValueSatisfying(o -> {
            assertThat(o.winners()).containsExactly(1);
            assertThat(o.summary()).isEqualTo("Seat 2 is the last one with dice.");
        });
        assertThat(game.viewOf(0, LiarsDiceView.class).winner()).isEqualTo(1);
    }

    @Test
    void only_the_seat_on_turn_may_bid() {
        rolled().rejects(1, LiarsDiceAction.bid(1, 2), ErrorCode.ACTION_NOT_YOUR_TURN.code());
    }

    @Test
    void each_player_sees_only_their_own_dice_and_everyones_counts() {
        var game = rolled();
        assertThat(game.viewOf(0, LiarsDiceView.class).myDice()).containsExactly(1, 4, 4);
        assertThat(game.viewOf(1, LiarsDiceView.class).myDice()).containsExactly(2, 3, 6);
        assertThat(game.viewOf(1, LiarsDiceView.class).diceLeft()).containsExactly(3, 3, 3);
        assertThat(game.spectatorView().has("myDice")).isFalse();
    }

    @Test
    void the_seat_on_turn_is_offered_a_bid_with_its_pickers_and_once_there_is_a_bid_the_call() {
        var game = rolled();
        assertThat(game.viewOf(0, LiarsDiceView.class).youMay()).containsExactly(
                Choice.of("bid", "Bid", Param.number("count", "How many dice", 1, 9), Param.oneOf("face", "Showing", List.of(2, 3, 4, 5, 6))));
        assertThat(game.viewOf(1, LiarsDiceView.class).youMay()).isEmpty();
        game.act(0, LiarsDiceAction.bid(3, 6));
        assertThat(game.viewOf(1, LiarsDiceView.class).youMay()).containsExactly(
                Choice.of("bid", "Bid", Param.number("count", "How many dice", 4, 9), Param.oneOf("face", "Showing", List.of(2, 3, 4, 5, 6))),
                Choice.of("liar", "Call liar"));
    }

    @Test
    void a_game_replays_exactly_from_its_seed_and_moves() {
        var game = GameScenario.of(new LiarsDice()).players(3).seed(9).start()
                .act(0, LiarsDiceAction.bid(2, 3)).act(1, LiarsDiceAction.liar());
        int opener = game.awaiting().iterator().next();
        game.act(opener, LiarsDiceAction.bid(1, 2));
        assertThat(game.replayed()).isEqualTo(game.state());
    }
}
