package io.roundtable.games.avalon;

import static io.roundtable.games.avalon.Role.ASSASSIN;
import static io.roundtable.games.avalon.Role.MERLIN;
import static io.roundtable.games.avalon.Role.MORGANA;
import static io.roundtable.games.avalon.Role.OBERON;
import static io.roundtable.games.avalon.Role.PERCIVAL;
import static io.roundtable.games.avalon.Role.SERVANT;
import static io.roundtable.games.avalon.Tabletop.seats;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.Viewer;
import io.roundtable.testkit.Leak;
import io.roundtable.testkit.LeakChecker;
import io.roundtable.testkit.RandomPlay;
import io.roundtable.testkit.RandomPlayReport;

/**
 * Whole random games through the real room engine, every step checked by the leak checker, and
 * deliberately leaky variants of Avalon to prove the checker catches leaks in this game.
 * <p>
 * {@code -Davalon.randomGames=10000} runs the full 10,000 games (minutes: see docs/avalon.md);
 * the default keeps the module's test time within budget.
 */
class LeakCheckTest {
    static final int GAMES = Integer.getInteger("avalon.randomGames", 10_000);
    static final int PERTURBATIONS = Integer.getInteger("avalon.perturbations", 2);
    static final int SHARDS = 2;
    static final int VIEWERS_PER_STEP = Integer.getInteger("avalon.viewersPerStep", 3);
    /** The engine's deltas (game-agnostic) are followed in every fourth game: 2,500 games, about 230,000 steps. */
    static final int DELTAS_EVERY = Integer.getInteger("avalon.deltasEvery", 4);

    static RandomPlay<AvalonOptions, AvalonState, AvalonAction> randomPlay(Avalon rules, int games, long seed) {
        return RandomPlay.of(rules).games(games).seed(seed).perturbations(PERTURBATIONS)
                .viewersPerStep(VIEWERS_PER_STEP).roundTripEvery(10).deltasEvery(DELTAS_EVERY)
                .options(RandomOptions::draw).players(AvalonOptions::players)
                .invariant("the roles dealt match the options", s -> RoleSets.deck(s.options()).stream().sorted()
                        .toList().equals(s.roles().stream().sorted().toList()))
                .invariant("rejections in a row stay below five", s -> s.rejections() < Counts.MAX_REJECTIONS
                        || s.over() || s.stage() == Stage.QUEST)
                .invariant("never more than five quests", s -> s.quests().size() <= Counts.QUESTS);
    }

    @Test
    void random_games_across_five_to_ten_players_and_random_role_sets_leak_nothing() throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(SHARDS);
        List<Future<RandomPlayReport>> shards = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            int games = GAMES / SHARDS + (shard < GAMES % SHARDS ? 1 : 0);
            long seed = 1_000L + shard;
            shards.add(pool.submit(() -> randomPlay(new Avalon(), games, seed).run()));
        }
        int games = 0;
        long moves = 0;
        long leaks = 0;
        long violations = 0;
        for (Future<RandomPlayReport> shard : shards) {
            RandomPlayReport report = shard.get();
            System.out.println("[avalon random play] " + report + "\n  outcomes: " + report.outcomes());
            games += report.games();
            moves += report.moves();
            leaks += report.leakCount();
            violations += report.violationCount();
        }
        pool.shutdown();
        System.out.printf("[avalon random play] total: %d games, %d moves, %d leaks, %d violations, %d perturbations"
                + " per viewer, in %d ms%n", games, moves, leaks, violations, PERTURBATIONS,
                (System.nanoTime() - start) / 1_000_000);
        assertThat(games).isEqualTo(GAMES);
        assertThat(leaks).isZero();
        assertThat(violations).isZero();
    }

    /** A careless variant that shows spectators every role. */
    static final class SpectatorsSeeRoles extends Avalon {
        @Override
        public Object view(AvalonState state, Viewer viewer) {
            return viewer.isSpectator() ? Map.of("view", super.view(state, viewer), "roles", state.roles())
                    : super.view(state, viewer);
        }
    }

    /** A careless variant that refuses to let the Assassin name an evil player: it tells him who Oberon is. */
    static final class AssassinMayNameOnlyGood extends Avalon {
        @Override
        public Decision<AvalonState> apply(AvalonState state, int seat, AvalonAction action, Turn turn) {
            if (action instanceof AvalonAction.Assassinate a && a.target() != null
                    && state.roles().get(a.target()).isEvil()) {
                return Decision.reject("avalon/target_evil", "Name a good player.");
            }
            return super.apply(state, seat, action, turn);
        }
    }

    /** A careless variant whose public event for the last vote carries the tally of hidden votes. */
    static final class TallyInEvents extends Avalon {
        @Override
        public Decision<AvalonState> apply(AvalonState state, int seat, AvalonAction action, Turn turn) {
            Decision<AvalonState> decision = super.apply(state, seat, action, turn);
            if (action instanceof AvalonAction.CastVote && decision instanceof Decision.Accepted<AvalonState> ok
                    && state.votes().size() == state.players() - 1) {
                long approvals = state.votes().values().stream().filter(Vote.APPROVE::equals).count();
                return Decision.accept(ok.state(), Map.of("type", "tally", "approvals", approvals));
            }
            return decision;
        }
    }

    @Test
    void a_variant_that_shows_spectators_the_roles_is_caught() {
        RandomPlayReport report = randomPlay(new SpectatorsSeeRoles(), 3, 7).run();
        assertThat(report.leakCount()).isPositive();
        assertThat(report.leaks()).first().asString().contains("spectator").contains("/roles/");
    }

    @Test
    void a_variant_whose_refusal_tells_the_assassin_who_oberon_is_is_caught() {
        AssassinMayNameOnlyGood careless = new AssassinMayNameOnlyGood();
        Tabletop table = Tabletop.dealt(AvalonOptions.forPlayers(7), 0,
                MERLIN, PERCIVAL, SERVANT, SERVANT, MORGANA, ASSASSIN, OBERON)
                .questWith(seats(0, 1)).questWith(seats(0, 1, 2)).questWith(seats(0, 1, 2));
        AvalonState assassination = table.state();

        List<Leak> leaks = LeakChecker.of(careless).perturbations(50).checkAction(assassination, 5,
                AvalonAction.assassinate(6), Instant.EPOCH, 1, 0, 7, GameRandom.seeded(1));
        List<Leak> none = LeakChecker.of(new Avalon()).perturbations(50).checkAction(assassination, 5,
                AvalonAction.assassinate(6), Instant.EPOCH, 1, 0, 7, GameRandom.seeded(1));

        assertThat(leaks).isNotEmpty().allSatisfy(leak -> assertThat(leak.through()).isEqualTo("reply"));
        assertThat(none).isEmpty();
    }

    @Test
    void a_variant_whose_events_carry_the_vote_tally_is_caught() {
        RandomPlayReport report = randomPlay(new TallyInEvents(), 3, 7).run();
        assertThat(report.leakCount()).isPositive();
        assertThat(report.leaks()).first().asString().contains("events").contains("/votes/");
    }
}
