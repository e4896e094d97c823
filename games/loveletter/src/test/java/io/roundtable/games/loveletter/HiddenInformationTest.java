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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.Viewer;
import io.roundtable.games.loveletter.LoveLetterAction.Play;
import io.roundtable.testkit.GameScenario;
import io.roundtable.testkit.Leak;
import io.roundtable.testkit.LeakChecker;

/** The declared secrets hold: no view, refusal or event tells anyone what the rules keep from them. */
class HiddenInformationTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final LoveLetter RULES = new LoveLetter();

    /** Every state of one bot-played match to two favour tokens: two rounds or more, and the deal between. */
    private static List<LoveLetterState> aMatch(int players, long seed) {
        var game = GameScenario.of(RULES).players(players).seed(seed).options(new LoveLetterOptions(0, null, 2)).start();
        List<LoveLetterState> states = new ArrayList<>(List.of(game.state()));
        GameRandom random = GameRandom.seeded(seed);
        while (!game.over()) {
            int seat = game.awaiting().iterator().next();
            game.act(seat, RULES.bot(game.state(), seat, random).orElseThrow());
            states.add(game.state());
        }
        return states;
    }

    /** Plays right and wrong: every card, no target or any seat or one too far, no guess or a few. */
    private static List<Play> attempts(int players) {
        List<Play> plays = new ArrayList<>();
        for (int card = 0; card <= 9; card++) {
            for (int target = -1; target <= players; target++) {
                for (Integer guess : Arrays.asList(null, SENTRY, ORACLE, HEIR)) {
                    plays.add(new Play(card, target < 0 ? null : target, guess));
                }
            }
        }
        return plays;
    }

    @Test
    void no_view_in_any_state_of_sixteen_matches_tells_a_viewer_anything_hidden_from_them() {
        var checker = LeakChecker.of(RULES).perturbations(300);
        List<Leak> leaks = new ArrayList<>();
        for (long seed = 0; seed < 16; seed++) {
            int players = 2 + (int) (seed % 3);
            for (LoveLetterState state : aMatch(players, seed)) {
                leaks.addAll(checker.checkState(state, players, GameRandom.seeded(seed)));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void refusals_and_events_never_depend_on_hidden_cards_for_any_play_right_or_wrong() {
        var checker = LeakChecker.of(RULES).perturbations(8);
        List<Leak> leaks = new ArrayList<>();
        int refusals = 0;
        for (long seed = 0; seed < 5; seed++) {
            int players = 2 + (int) (seed % 3);
            List<LoveLetterState> states = aMatch(players, seed);
            for (int step = 0; step < states.size() - 1; step++) {
                LoveLetterState state = states.get(step);
                for (Play play : attempts(players)) {
                    leaks.addAll(checker.checkAction(state, state.turn(), play, NOW, seed, step, players,
                            GameRandom.seeded(step)));
                    refusals += RULES.apply(state, state.turn(), play, new Turn(NOW, GameRandom.seeded(1)))
                            instanceof Decision.Rejected ? 1 : 0;
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(refusals).isGreaterThan(10_000);
    }

    @Test
    void a_refusal_reads_the_same_whatever_the_others_hold() {
        for (int otherCard : List.of(SENTRY, ORACLE, WARDEN, HEIR)) {
            var game = Deal.hands(hand(DOWAGER, ALCHEMIST), hand(otherCard), hand(WARDEN)).deck(DUELIST).start();
            assertThat(game.rejects(0, play(ALCHEMIST).on(1), "loveletter/must_play_dowager").message())
                    .isEqualTo("With the Alchemist or the Smuggler in hand, you must play the Dowager.");
            assertThat(game.rejects(0, play(DUELIST).on(1), "loveletter/not_in_hand").message())
                    .isEqualTo("You do not hold that card.");
        }
    }

    @Test
    void public_events_carry_the_play_and_never_its_result() {
        var hit = Deal.hands(hand(SENTRY, WARDEN), hand(HEIR), hand(ORACLE)).deck(DUELIST).start()
                .act(0, play(SENTRY).on(1).naming(HEIR));
        var miss = Deal.hands(hand(SENTRY, WARDEN), hand(ORACLE), hand(HEIR)).deck(DUELIST).start()
                .act(0, play(SENTRY).on(1).naming(HEIR));
        assertThat(hit.events()).isEqualTo(miss.events())
                .containsExactly(new LoveLetter.Played(0, SENTRY, 1, HEIR));
    }

    @Test
    void the_checker_bites_when_a_private_result_is_shown_to_everyone() {
        var leaky = new LoveLetter() {
            @Override
            public Object view(LoveLetterState state, Viewer viewer) {
                return super.view(state, viewer.isSpectator() ? viewer : Viewer.seat(0)); // everyone reads as seat 0
            }
        };
        LoveLetterState afterOracle = Deal.hands(hand(ORACLE, WARDEN), hand(HEIR), hand(SENTRY)).deck(DUELIST)
                .start().act(0, play(ORACLE).on(1)).state();
        List<Leak> leaks = LeakChecker.of(leaky).perturbations(300).checkState(afterOracle, 3, GameRandom.seeded(1));
        assertThat(leaks).anySatisfy(leak -> {
            assertThat(leak.viewer()).isEqualTo("seat 2");
            assertThat(leak.secret()).contains("/log/2/card");
        });
    }
}
