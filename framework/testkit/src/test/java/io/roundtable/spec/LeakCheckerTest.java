package io.roundtable.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.roundtable.core.spi.Channel;
import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Secret;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.Viewer;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardAction;
import io.roundtable.sample.highcard.HighCardState;
import io.roundtable.sample.leaky.CountsHighBets;
import io.roundtable.sample.leaky.NamesCardsInReplays;
import io.roundtable.sample.leaky.ShowsBetsInReplays;
import io.roundtable.sample.leaky.ShowsHandsToSpectators;
import io.roundtable.sample.leaky.TellsDeckInOutcome;
import io.roundtable.sample.leaky.TellsDrawnCardInEvents;
import io.roundtable.testkit.GameScenario;
import io.roundtable.testkit.Leak;
import io.roundtable.testkit.LeakChecker;

/** The non-interference leak checker: silent on the sample game, loud on each kind of leak. */
class LeakCheckerTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    /** A fresh source per use, so that no test depends on which ran before it. */
    private static GameRandom random() {
        return GameRandom.seeded(3);
    }

    /** Every state of one game of the sample rules, from the deal to the reveal. */
    private static List<HighCardState> aGame(HighCard rules, long seed) {
        var game = GameScenario.of(rules).players(4).seed(seed).start();
        List<HighCardState> states = new ArrayList<>(List.of(game.state()));
        GameRandom random = GameRandom.seeded(seed);
        while (!game.over()) {
            int seat = game.awaiting().iterator().next();
            game.act(seat, rules.bot(game.state(), seat, random).orElseThrow());
            states.add(game.state());
        }
        return states;
    }

    private static HighCardState afterFirstBet(HighCard rules) {
        var game = GameScenario.of(rules).players(3).seed(4).start();
        game.act(0, HighCardAction.keep()).act(1, HighCardAction.keep()).act(2, HighCardAction.keep())
                .act(0, HighCardAction.bet("high"));
        return game.state();
    }

    @Test
    void the_sample_game_leaks_nothing_to_any_viewer_in_any_state_even_when_every_variant_is_tried() {
        HighCard rules = new HighCard();
        LeakChecker<?, HighCardState, ?> checker = LeakChecker.of(rules).perturbations(1000);
        for (long seed = 0; seed < 20; seed++) {
            for (HighCardState state : aGame(rules, seed)) {
                assertThat(checker.checkState(state, 4, random())).isEmpty();
            }
        }
    }

    @Test
    void no_action_of_the_sample_game_tells_anyone_more_than_they_may_know() {
        HighCard rules = new HighCard();
        var checker = LeakChecker.of(rules).perturbations(1000);
        HighCardState start = GameScenario.of(rules).players(4).seed(8).start().state();
        assertThat(checker.checkAction(start, 0, HighCardAction.swap(), NOW, 8, 0, 4, random())).isEmpty();
        assertThat(checker.checkAction(start, 0, HighCardAction.bet("x"), NOW, 8, 0, 4, random())).isEmpty();
        assertThat(checker.checkAction(afterFirstBet(rules), 1, HighCardAction.bet("low"), NOW, 4, 4, 3, random()))
                .isEmpty();
    }

    @Test
    void a_spectator_view_showing_hands_is_caught_for_the_spectator_only() {
        var rules = new ShowsHandsToSpectators();
        HighCardState state = GameScenario.of(rules).players(3).start().state();
        List<Leak> leaks = LeakChecker.of(rules).perturbations(100).checkState(state, 3, random());
        assertThat(leaks).isNotEmpty().allSatisfy(leak -> {
            assertThat(leak.viewer()).isEqualTo("spectator");
            assertThat(leak.through()).isEqualTo("view");
            assertThat(leak.secret()).startsWith("swap /hands/");
        });
        assertThat(leaks.get(0).toString()).startsWith("spectator can tell [swap /hands/");
    }

    @Test
    void a_count_of_high_bets_is_caught_through_the_other_possible_bet() {
        var rules = new CountsHighBets();
        List<Leak> leaks = LeakChecker.of(rules).perturbations(100).checkState(afterFirstBet(rules), 3, random());
        assertThat(leaks).extracting(Leak::viewer).containsExactlyInAnyOrder("seat 1", "seat 2", "spectator");
        assertThat(leaks).allSatisfy(leak -> assertThat(leak.secret()).isEqualTo("replace /bets/0 with \"low\""));
        assertThat(leaks.get(0).detail()).contains("highBetsSoFar");
    }

    @Test
    void a_public_event_naming_a_hidden_card_is_caught() {
        var rules = new TellsDrawnCardInEvents();
        HighCardState start = GameScenario.of(rules).players(2).seed(1).start().state();
        List<Leak> leaks = LeakChecker.of(rules).perturbations(100)
                .checkAction(start, 0, HighCardAction.swap(), NOW, 1, 0, 2, random());
        assertThat(leaks).isNotEmpty().allSatisfy(leak -> assertThat(leak.through()).isEqualTo("events"));
        assertThat(leaks).extracting(Leak::viewer).contains("seat 0", "seat 1", "spectator");
    }

    @Test
    void a_replay_showing_a_secret_bet_is_caught_through_the_move_view_for_everyone_but_the_bettor() {
        var rules = new ShowsBetsInReplays();
        List<Leak> leaks = LeakChecker.of(rules).perturbations(100)
                .checkAction(afterFirstBet(rules), 1, HighCardAction.bet("low"), NOW, 4, 4, 3, random());
        assertThat(leaks).isNotEmpty().allSatisfy(leak -> assertThat(leak.through()).isEqualTo("move view"));
        assertThat(leaks).extracting(Leak::viewer).containsExactlyInAnyOrder("seat 0", "seat 2", "spectator");
        assertThat(leaks.get(0).detail()).contains("\"call\":\"low\"");
    }

    @Test
    void the_sample_games_replays_show_a_bet_to_its_seat_and_its_kind_to_everyone_else() {
        HighCard rules = new HighCard();
        HighCardState state = afterFirstBet(rules);
        assertThat(LeakChecker.of(rules).perturbations(100)
                .checkAction(state, 1, HighCardAction.bet("low"), NOW, 4, 4, 3, random())).isEmpty();
        assertThat(rules.moveView(state, 1, HighCardAction.bet("low"), Viewer.seat(1)))
                .isEqualTo(HighCardAction.bet("low"));
        assertThat(rules.moveView(state, 1, HighCardAction.bet("low"), Viewer.SPECTATOR))
                .isEqualTo(Map.of("type", "bet"));
    }

    @Test
    void a_replay_naming_a_card_from_the_hidden_state_is_caught_through_the_move_view() {
        var rules = new NamesCardsInReplays();
        HighCardState start = GameScenario.of(rules).players(3).seed(6).start().state();
        List<Leak> leaks = LeakChecker.of(rules).perturbations(100)
                .checkAction(start, 0, HighCardAction.swap(), NOW, 6, 0, 3, random());
        assertThat(leaks).isNotEmpty().allSatisfy(leak -> {
            assertThat(leak.through()).isEqualTo("move view");
            assertThat(leak.secret()).contains("/hands/0");
        });
        assertThat(leaks).extracting(Leak::viewer).contains("seat 1", "seat 2", "spectator");
    }

    @Test
    void an_outcome_naming_a_card_nobody_saw_is_caught_through_the_outcome() {
        var rules = new TellsDeckInOutcome();
        List<HighCardState> game = aGame(rules, 3);
        List<Leak> leaks = LeakChecker.of(rules).perturbations(100).checkState(game.get(game.size() - 1), 4, random());
        assertThat(leaks).isNotEmpty().allSatisfy(leak -> {
            assertThat(leak.through()).isEqualTo("outcome");
            assertThat(leak.secret()).contains("/deck/");
        });
        assertThat(leaks).extracting(Leak::viewer).contains("seat 0", "spectator");
    }

    @Test
    void a_rejection_whose_sentence_depends_on_a_hidden_card_is_caught_through_the_reply() {
        var rules = new HighCard() {
            @Override
            public Decision<HighCardState> apply(HighCardState state, int seat, HighCardAction action, Turn turn) {
                Decision<HighCardState> decision = super.apply(state, seat, action, turn);
                if (decision instanceof Decision.Rejected<HighCardState>) {
                    return Decision.reject("highcard/not_betting_yet",
                            "Not yet; by the way seat 1 holds " + state.hands().get(1) + ".");
                }
                return decision;
            }
        };
        HighCardState start = GameScenario.of(rules).players(3).seed(2).start().state();
        List<Leak> leaks = LeakChecker.of(rules).perturbations(100)
                .checkAction(start, 0, HighCardAction.bet("high"), NOW, 2, 0, 3, random());
        assertThat(leaks).isNotEmpty().allSatisfy(leak -> {
            assertThat(leak.viewer()).isEqualTo("seat 0");
            assertThat(leak.through()).isEqualTo("reply");
        });
    }

    @Test
    void a_channel_that_depends_on_hidden_cards_is_caught_through_the_channels() {
        var rules = new HighCard() {
            @Override
            public List<Channel> channels(HighCardState state) {
                Set<Integer> high = new TreeSet<>();
                for (int seat = 0; seat < state.players(); seat++) {
                    if (state.hands().get(seat) > 6) {
                        high.add(seat);
                    }
                }
                return List.of(Channel.among("highcards", high));
            }
        };
        List<Leak> leaks = new ArrayList<>();
        for (long seed = 0; seed < 10; seed++) {
            HighCardState start = GameScenario.of(rules).players(4).seed(seed).start().state();
            leaks.addAll(LeakChecker.of(rules).perturbations(100).checkState(start, 4, random()));
        }
        assertThat(leaks).isNotEmpty().anySatisfy(leak -> assertThat(leak.through()).isEqualTo("channels"));
    }

    @Test
    void a_secret_declared_where_the_state_has_nothing_is_a_mistake_of_the_rules() {
        var rules = new HighCard() {
            @Override
            public List<Secret> secrets(HighCardState state) {
                return List.of(Secret.at("card", "/nowhere/0"));
            }
        };
        HighCardState start = GameScenario.of(rules).players(2).start().state();
        assertThatThrownBy(() -> LeakChecker.of(rules).checkState(start, 2, random()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/nowhere/0");
    }

    @Test
    void an_alternative_the_state_cannot_hold_is_a_mistake_of_the_rules() {
        var rules = new HighCard() {
            @Override
            public List<Secret> secrets(HighCardState state) {
                return List.of(Secret.at("card", "/hands/0").alternatives("ace"));
            }
        };
        HighCardState start = GameScenario.of(rules).players(2).start().state();
        assertThatThrownBy(() -> LeakChecker.of(rules).checkState(start, 2, random()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no longer reads back");
    }
}
