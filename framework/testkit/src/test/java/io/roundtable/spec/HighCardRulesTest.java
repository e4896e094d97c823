package io.roundtable.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.roundtable.core.json.Json;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Policy;
import io.roundtable.core.spi.TurnTimer;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardAction;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.sample.highcard.HighCardState;
import io.roundtable.sample.highcard.HighCardView;
import io.roundtable.testkit.GameScenario;

/** The sample game's own rules, written with {@link GameScenario}. */
class HighCardRulesTest {
    private static final HighCardAction KEEP = HighCardAction.keep();
    private static final HighCardAction SWAP = HighCardAction.swap();

    private static HighCardAction bet(String call) {
        return HighCardAction.bet(call);
    }

    /** Seat 0 holds 5, seat 1 holds 9, seat 2 holds 2; the deck starts 12, 1, 3. */
    private static GameScenario<HighCardOptions, HighCardState, HighCardAction> dealt() {
        return GameScenario.of(new HighCard()).players(3).dealt(s -> new HighCardState(List.of(5, 9, 2),
                List.of(12, 1, 3, 4, 6, 7, 8, 10, 11), s.discards(), s.bets(), 0)).start();
    }

    @Test
    void setup_deals_one_distinct_card_per_seat_from_a_deck_of_twelve() {
        var game = GameScenario.of(new HighCard()).players(4).seed(42).start();
        List<Integer> all = new ArrayList<>(game.state().hands());
        all.addAll(game.state().deck());
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
        assertThat(game.state().hands()).hasSize(4);
        assertThat(game.awaiting()).containsExactly(0);
    }

    @Test
    void the_same_seed_deals_the_same_cards_and_another_seed_usually_does_not() {
        var a = GameScenario.of(new HighCard()).players(4).seed(7).start();
        var b = GameScenario.of(new HighCard()).players(4).seed(7).start();
        assertThat(a.state()).isEqualTo(b.state());
        long different = IntStream.range(8, 28)
                .filter(seed -> !GameScenario.of(new HighCard()).players(4).seed(seed).start().state().equals(a.state()))
                .count();
        assertThat(different).isGreaterThan(15);
    }

    @Test
    void seats_keep_or_swap_in_seat_order_and_a_swap_draws_the_next_card_of_the_deck() {
        var game = dealt();
        game.act(0, SWAP);
        assertThat(game.state().hands()).containsExactly(12, 9, 2);
        assertThat(game.state().discards()).containsExactly(5, null, null);
        assertThat(game.state().deck()).startsWith(1, 3).hasSize(8);
        assertThat(game.awaiting()).containsExactly(1);
        game.act(1, KEEP).act(2, SWAP);
        assertThat(game.state().hands()).containsExactly(12, 9, 1);
        assertThat(game.awaiting()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(game.events()).extracting(Object::toString)
                .containsExactly("Event[what=swap, seat=0]", "Event[what=keep, seat=1]", "Event[what=swap, seat=2]");
    }

    @Test
    void betting_before_every_seat_has_chosen_is_refused() {
        dealt().rejects(0, bet("high"), "highcard/not_betting_yet");
    }

    @Test
    void keeping_or_swapping_during_the_bets_is_refused() {
        var game = dealt().act(0, KEEP).act(1, KEEP).act(2, KEEP);
        game.rejects(1, SWAP, "highcard/betting_now");
        game.rejects(1, KEEP, "highcard/betting_now");
    }

    @Test
    void a_bet_other_than_high_or_low_is_refused() {
        var game = dealt().act(0, KEEP).act(1, KEEP).act(2, KEEP);
        assertThat(game.rejects(0, bet("medium"), "highcard/unknown_bet").message()).contains("high");
    }

    @Test
    void a_seat_that_is_not_awaited_is_told_it_is_not_its_turn() {
        dealt().rejects(2, KEEP, "action/not_your_turn");
    }

    @Test
    void bets_are_secret_and_simultaneous_and_a_seat_that_bet_is_no_longer_awaited() {
        var game = dealt().act(0, KEEP).act(1, KEEP).act(2, KEEP).act(1, bet("high"));
        assertThat(game.awaiting()).containsExactlyInAnyOrder(0, 2);
        HighCardView seat0 = game.viewOf(0, HighCardView.class);
        assertThat(seat0.seats().get(1).betPlaced()).isTrue();
        assertThat(seat0.seats().get(1).bet()).isNull();
        assertThat(game.viewOf(1, HighCardView.class).seats().get(1).bet()).isEqualTo("high");
        game.rejects(1, bet("low"), "action/not_your_turn");
    }

    @Test
    void the_highest_card_among_those_who_bet_high_wins_and_everything_is_revealed() {
        var game = dealt().act(0, KEEP).act(1, KEEP).act(2, KEEP)
                .act(0, bet("high")).act(1, bet("low")).act(2, bet("high"));
        assertThat(game.over()).isTrue();
        assertThat(game.awaiting()).isEmpty();
        assertThat(game.outcome().orElseThrow().winners()).containsExactly(0);
        assertThat(game.outcome().orElseThrow().summary()).isEqualTo("Seat 0 wins with 5.");
        assertThat(game.outcome().orElseThrow().revealed()).containsEntry(1, "card 9, low");
        HighCardView spectator = Json.convert(game.spectatorView(), HighCardView.class);
        assertThat(spectator.step()).isEqualTo("over");
        assertThat(spectator.winner()).isEqualTo(0);
        assertThat(spectator.seats()).extracting(HighCardView.SeatView::card).containsExactly(5, 9, 2);
        assertThat(spectator.seats()).extracting(HighCardView.SeatView::bet).containsExactly("high", "low", "high");
    }

    @Test
    void when_everyone_folds_nobody_wins() {
        var game = dealt().act(0, KEEP).act(1, KEEP).act(2, KEEP)
                .act(0, bet("low")).act(1, bet("low")).act(2, bet("low"));
        assertThat(game.outcome().orElseThrow().winners()).isEmpty();
        assertThat(game.outcome().orElseThrow().summary()).isEqualTo("Everyone folded: nobody wins.");
    }

    @Test
    void a_seat_sees_its_own_card_and_discard_but_not_the_others() {
        var game = dealt().act(0, SWAP);
        HighCardView seat0 = game.viewOf(0, HighCardView.class);
        assertThat(seat0.you()).isEqualTo(0);
        assertThat(seat0.seats().get(0).card()).isEqualTo(12);
        assertThat(seat0.seats().get(0).discarded()).isEqualTo(5);
        assertThat(seat0.seats().get(1).card()).isNull();
        HighCardView seat1 = game.viewOf(1, HighCardView.class);
        assertThat(seat1.seats().get(0).swapped()).isTrue();
        assertThat(seat1.seats().get(0).card()).isNull();
        assertThat(seat1.seats().get(0).discarded()).isNull();
        assertThat(seat1.deckLeft()).isEqualTo(8);
        assertThat(game.spectatorView().toString()).doesNotContain("\"card\"").doesNotContain("\"discarded\"");
    }

    @Test
    void a_game_replays_exactly_from_its_seed_and_move_log() {
        var game = GameScenario.of(new HighCard()).players(4).seed(99).start();
        game.act(0, SWAP).act(1, KEEP).act(2, SWAP).act(3, SWAP)
                .act(2, bet("high")).act(0, bet("low")).act(3, bet("high")).act(1, bet("high"));
        assertThat(game.replayed()).isEqualTo(game.state());
        assertThat(game.moves()).hasSize(8);
    }

    @Test
    void a_hand_dealt_scenario_cannot_claim_to_replay_from_its_seed() {
        assertThatThrownBy(() -> dealt().replayed()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_team_channels_pair_seats_by_parity() {
        var game = GameScenario.of(new HighCard()).players(3).start();
        var channels = new HighCard().channels(game.state());
        assertThat(channels).extracting(c -> c.id()).containsExactly("even", "odd");
        assertThat(channels.get(0).readers()).containsExactlyInAnyOrder(0, 2);
        assertThat(channels.get(1).readers()).containsExactly(1);
        assertThat(channels.get(0).writers()).isEqualTo(channels.get(0).readers());
    }

    @Test
    void the_timer_follows_the_step_and_only_when_the_options_ask_for_one() {
        HighCard rules = new HighCard();
        var untimed = GameScenario.of(rules).players(2).start();
        assertThat(rules.timer(untimed.state(), HighCardOptions.defaults())).isEmpty();
        var timed = GameScenario.of(rules).players(2).options(HighCardOptions.timed(30)).start();
        assertThat(rules.timer(timed.state(), timed.options()))
                .contains(new TurnTimer("turn-0", Duration.ofSeconds(30)));
        timed.act(0, KEEP).act(1, KEEP);
        assertThat(rules.timer(timed.state(), timed.options()))
                .contains(new TurnTimer("bets", Duration.ofSeconds(30)));
        timed.act(0, bet("low")).act(1, bet("low"));
        assertThat(rules.timer(timed.state(), timed.options())).isEmpty();
    }

    @Test
    void running_out_of_time_keeps_the_card_or_folds() {
        HighCard rules = new HighCard();
        var game = GameScenario.of(rules).players(2).start();
        assertThat(rules.onTimeout(game.state(), 0, GameRandom.seeded(1))).contains(KEEP);
        game.act(0, KEEP).act(1, KEEP);
        assertThat(rules.onTimeout(game.state(), 1, GameRandom.seeded(1))).contains(bet("low"));
    }

    @Test
    void the_bot_only_ever_plays_legal_moves() {
        HighCard rules = new HighCard();
        for (long seed = 0; seed < 200; seed++) {
            var game = GameScenario.of(rules).players(2 + (int) (seed % 3)).seed(seed).start();
            GameRandom random = GameRandom.seeded(seed);
            while (!game.over()) {
                int seat = game.awaiting().iterator().next();
                game.act(seat, rules.bot(game.state(), seat, random).orElseThrow());
            }
            assertThat(game.replayed()).isEqualTo(game.state());
        }
    }

    @Test
    void options_outside_the_limits_are_explained_in_a_sentence() {
        HighCard rules = new HighCard();
        assertThat(rules.validate(HighCardOptions.timed(-1))).extracting(r -> r.code())
                .containsExactly("highcard/turn_seconds");
        assertThat(rules.validate(HighCardOptions.timed(3601))).isNotEmpty();
        assertThat(rules.validate(HighCardOptions.onSeatLoss(Policy.SeatLoss.FREE_SEAT))).extracting(r -> r.code())
                .containsExactly("highcard/seat_loss");
        assertThat(rules.validate(HighCardOptions.timed(3600))).isEmpty();
        assertThat(rules.policy(HighCardOptions.defaults())).isEqualTo(Policy.fixed(2, 4, Policy.SeatLoss.BOT));
        assertThat(new HighCardOptions(0, null).seatLoss()).isEqualTo(Policy.SeatLoss.BOT);
    }

    @Test
    void spectators_are_muted_only_while_bets_are_placed() {
        HighCard rules = new HighCard();
        var game = dealt();
        assertThat(rules.spectatorsMayChat(game.state())).isTrue();
        game.act(0, KEEP).act(1, KEEP).act(2, KEEP);
        assertThat(rules.spectatorsMayChat(game.state())).isFalse();
        game.act(0, bet("low")).act(1, bet("low")).act(2, bet("low"));
        assertThat(rules.spectatorsMayChat(game.state())).isTrue();
        assertThat(game.awaiting()).isEqualTo(Set.of());
    }
}
