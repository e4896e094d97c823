package io.roundtable.games.loveletter;

import static io.roundtable.games.loveletter.Card.ALCHEMIST;
import static io.roundtable.games.loveletter.Card.DOWAGER;
import static io.roundtable.games.loveletter.Card.DUELIST;
import static io.roundtable.games.loveletter.Card.HEIR;
import static io.roundtable.games.loveletter.Card.ORACLE;
import static io.roundtable.games.loveletter.Card.SENTRY;
import static io.roundtable.games.loveletter.Card.WARDEN;
import static io.roundtable.games.loveletter.Deal.hand;
import static io.roundtable.games.loveletter.LoveLetterAction.play;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.roundtable.core.json.Json;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Policy;
import io.roundtable.core.spi.TurnTimer;
import io.roundtable.testkit.GameScenario;

/** Setup, turns, the two ways a round ends, options and timers. */
class RoundTest {

    @Test
    void setup_sets_one_card_aside_deals_one_each_and_seat_0_draws_a_second() {
        var game = GameScenario.of(new LoveLetter()).players(4).seed(42).start();
        LoveLetterState s = game.state();
        assertThat(s.aside()).isNotNull();
        assertThat(s.hands()).extracting(List::size).containsExactly(2, 1, 1, 1);
        assertThat(s.deck()).hasSize(16 - 1 - 4 - 1);
        List<Integer> all = new ArrayList<>(s.deck());
        s.hands().forEach(all::addAll);
        all.add(s.aside());
        assertThat(all).containsExactlyInAnyOrderElementsOf(Card.deck());
        assertThat(game.awaiting()).containsExactly(0);
    }

    @Test
    void the_deck_holds_sixteen_cards_valued_1_to_8() {
        assertThat(Card.deck()).hasSize(16).containsOnly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(Card.deck()).filteredOn(v -> v == SENTRY).hasSize(5);
    }

    @Test
    void the_same_seed_deals_the_same_round() {
        var a = GameScenario.of(new LoveLetter()).players(3).seed(7).start();
        var b = GameScenario.of(new LoveLetter()).players(3).seed(7).start();
        var c = GameScenario.of(new LoveLetter()).players(3).seed(8).start();
        assertThat(a.state()).isEqualTo(b.state()).isNotEqualTo(c.state());
    }

    @Test
    void the_turn_passes_to_the_next_player_still_in_who_draws_a_card() {
        var game = Deal.hands(hand(SENTRY, WARDEN), hand(ORACLE), hand(HEIR)).deck(WARDEN, SENTRY, DUELIST).start();
        game.act(0, play(SENTRY).on(1).naming(ORACLE));
        assertThat(game.awaiting()).containsExactly(2);
        assertThat(game.state().hands().get(2)).containsExactly(HEIR, WARDEN);
        game.act(2, play(WARDEN));
        assertThat(game.awaiting()).containsExactly(0); // seat 1 is out
        assertThat(game.state().hands().get(0)).containsExactly(WARDEN, SENTRY);
    }

    @Test
    void a_round_ends_when_only_one_player_is_left() {
        var game = Deal.hands(hand(SENTRY, WARDEN), hand(HEIR)).deck(DUELIST, ORACLE).start();
        game.act(0, play(SENTRY).on(1).naming(HEIR));
        assertThat(game.over()).as("a one-token match").isTrue();
        assertThat(game.awaiting()).isEmpty();
        assertThat(game.state().match().last().reason()).isEqualTo("last_standing");
        assertThat(game.state().match().last().text()).isEqualTo("Round 1 goes to seat 1: the last one standing.");
        assertThat(game.state().match().last().shown()).as("nobody shows a hand").containsOnlyNulls();
        assertThat(game.outcome().orElseThrow().winners()).containsExactly(0);
        assertThat(game.outcome().orElseThrow().summary()).isEqualTo("Seat 1 wins the match with 1 favour token.");
    }

    @Test
    void a_round_ends_when_the_deck_is_empty_and_the_highest_card_wins() {
        var game = Deal.hands(hand(WARDEN, SENTRY), hand(DOWAGER), hand(ORACLE)).deck().start();
        game.act(0, play(WARDEN));
        var round = game.state().match().last();
        assertThat(round.winners()).containsExactly(1);
        assertThat(round.reason()).isEqualTo("highest_card");
        assertThat(round.text()).isEqualTo("Round 1 goes to seat 2: the highest card, the Dowager (7).");
        assertThat(round.shown()).containsExactly(SENTRY, DOWAGER, ORACLE);
        var outcome = game.outcome().orElseThrow();
        assertThat(outcome.winners()).containsExactly(1);
        assertThat(outcome.revealed()).containsEntry(0, "0 favour tokens, Sentry (1)")
                .containsEntry(1, "1 favour token, Dowager (7)");
    }

    @Test
    void equal_best_cards_are_parted_by_the_total_face_up() {
        var game = Deal.hands(hand(DUELIST, ORACLE), hand(ORACLE)).deck().start();
        game.act(0, play(DUELIST).on(1)); // a tie: nobody is out; seat 0 has 3 face up, seat 1 nothing
        assertThat(game.outcome().orElseThrow().winners()).containsExactly(0);
        assertThat(game.state().match().last().reason()).isEqualTo("face_up_total");
    }

    @Test
    void equal_best_cards_and_equal_totals_share_the_round() {
        var state = new LoveLetterState(List.of(List.of(ORACLE), List.of(ORACLE), List.of()), List.of(), SENTRY,
                List.of(List.of(WARDEN), List.of(WARDEN), List.of(ALCHEMIST, HEIR)), List.of(2), List.of(), -1,
                List.of(), Match.first(3, 5));
        var round = Rounds.result(state);
        assertThat(round.winners()).containsExactly(0, 1);
        assertThat(round.reason()).isEqualTo("shared");
        assertThat(round.text())
                .isEqualTo("Round 1 is shared by seat 1 and seat 2: equal cards, the Oracle (2), and equal totals face up.");
        assertThat(round.shown()).containsExactly(ORACLE, ORACLE, null);
    }

    @Test
    void a_knocked_out_player_is_skipped_and_a_finished_round_awaits_nobody() {
        var game = Deal.hands(hand(SENTRY, WARDEN), hand(HEIR), hand(ORACLE)).deck(DUELIST, SENTRY).start();
        game.act(0, play(SENTRY).on(1).naming(HEIR));
        assertThat(game.awaiting()).containsExactly(2);
        game.act(2, play(ORACLE).on(0)); // deck still holds a card: seat 0 draws it
        assertThat(game.awaiting()).containsExactly(0);
        game.act(0, play(WARDEN));
        assertThat(game.over()).isTrue();
        assertThat(game.awaiting()).isEmpty();
    }

    @Test
    void options_are_checked_and_a_timer_runs_only_when_asked_for() {
        var rules = new LoveLetter();
        assertThat(rules.validate(LoveLetterOptions.defaults())).isEmpty();
        assertThat(rules.validate(new LoveLetterOptions(-1, null, null))).extracting(r -> r.code())
                .containsExactly("loveletter/turn_seconds");
        assertThat(rules.validate(new LoveLetterOptions(30, Policy.SeatLoss.FREE_SEAT, null))).extracting(r -> r.code())
                .containsExactly("loveletter/seat_loss");
        assertThat(rules.policy(LoveLetterOptions.defaults())).isEqualTo(Policy.fixed(2, 4, Policy.SeatLoss.BOT));
        LoveLetterState start = rules.setup(2, LoveLetterOptions.defaults(), GameRandom.seeded(1));
        assertThat(rules.timer(start, LoveLetterOptions.defaults())).isEmpty();
        Optional<TurnTimer> timer = rules.timer(start, new LoveLetterOptions(45, null, null));
        assertThat(timer).contains(new TurnTimer("turn-1", Duration.ofSeconds(45)));
    }

    @Test
    void a_match_is_won_with_one_to_seven_favour_tokens() {
        var rules = new LoveLetter();
        for (int tokens : List.of(1, 7)) {
            assertThat(rules.validate(new LoveLetterOptions(0, null, tokens))).isEmpty();
        }
        for (int tokens : List.of(0, 8, -3)) {
            assertThat(rules.validate(new LoveLetterOptions(0, null, tokens))).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("loveletter/tokens_to_win");
                assertThat(r.message()).isEqualTo("A match is won with 1 to 7 favour tokens "
                        + "(left out: 7 for two players, 5 for three, 4 for four).");
            });
        }
    }

    @Test
    void options_json_may_leave_out_any_field() {
        assertThat(Json.read("{\"seatLoss\":\"PAUSE\"}", LoveLetterOptions.class))
                .isEqualTo(new LoveLetterOptions(0, Policy.SeatLoss.PAUSE, null));
        assertThat(Json.read("{\"turnSeconds\":60}", LoveLetterOptions.class))
                .isEqualTo(new LoveLetterOptions(60, Policy.SeatLoss.BOT, null));
        assertThat(Json.read("{\"tokensToWin\":3}", LoveLetterOptions.class))
                .isEqualTo(new LoveLetterOptions(0, Policy.SeatLoss.BOT, 3));
        assertThat(Json.write(LoveLetterOptions.defaults())).isEqualTo("{\"turnSeconds\":0,\"seatLoss\":\"BOT\"}");
    }

    @Test
    void every_turn_has_a_new_timer_step_so_the_clock_restarts() {
        var rules = new LoveLetter();
        var options = new LoveLetterOptions(30, Policy.SeatLoss.BOT, null);
        var game = GameScenario.of(rules).players(2).seed(3).options(options).start();
        List<String> steps = new ArrayList<>();
        GameRandom random = GameRandom.seeded(3);
        while (!game.over()) {
            steps.add(rules.timer(game.state(), options).orElseThrow().step());
            int seat = game.awaiting().iterator().next();
            game.act(seat, rules.bot(game.state(), seat, random).orElseThrow());
        }
        assertThat(steps).doesNotHaveDuplicates();
        assertThat(rules.timer(game.state(), options)).isEmpty();
    }

    @Test
    void a_whole_match_replays_exactly_from_its_seed_and_move_log() {
        var rules = new LoveLetter();
        for (int players = 2; players <= 4; players++) {
            for (long seed = 0; seed < 25; seed++) {
                var game = GameScenario.of(rules).players(players).seed(seed).start();
                GameRandom random = GameRandom.seeded(seed);
                while (!game.over()) {
                    int seat = game.awaiting().iterator().next();
                    game.act(seat, rules.bot(game.state(), seat, random).orElseThrow());
                }
                assertThat(game.replayed()).isEqualTo(game.state());
            }
        }
    }
}
