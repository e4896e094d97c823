package io.roundtable.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.roundtable.core.spi.Policy;
import io.roundtable.sample.broken.ViewsAllLookEqual;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.sample.draft.Draft;
import io.roundtable.sample.leaky.CountsHighBets;
import io.roundtable.sample.leaky.NamesCardsInReplays;
import io.roundtable.sample.leaky.ShowsBetsInReplays;
import io.roundtable.sample.leaky.ShowsHandsToSpectators;
import io.roundtable.sample.leaky.TellsDeckInOutcome;
import io.roundtable.sample.leaky.TellsDrawnCardInEvents;
import io.roundtable.sample.relay.Relay;
import io.roundtable.testkit.RandomPlay;
import io.roundtable.testkit.RandomPlayReport;

/** Many whole games through the room engine, with the leak checker on every step. */
class RandomPlayTest {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Policy.SeatLoss[] LOSSES = { Policy.SeatLoss.BOT, Policy.SeatLoss.PAUSE,
            Policy.SeatLoss.ABORT };

    @Test
    void ten_thousand_games_of_the_sample_game_leak_nothing_and_break_nothing() {
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        RandomPlayReport report = RandomPlay.of(new HighCard()).games(10_000).seed(2026)
                .options(random -> new HighCardOptions(random.nextBoolean() ? 0 : 1 + random.nextInt(120),
                        random.pick(List.of(LOSSES))))
                .invariant("cards 1 to 12 are all somewhere", s -> {
                    var all = new TreeSet<Integer>(s.hands());
                    all.addAll(s.deck());
                    s.discards().stream().filter(Objects::nonNull).forEach(all::add);
                    return all.size() == 12 && all.first() == 1 && all.last() == 12;
                })
                .invariant("a bet is high or low", s -> s.bets().stream()
                        .allMatch(b -> b == null || b.equals("high") || b.equals("low")))
                .run();
        System.out.printf("HighCard random play: %s (%.1f s, %.1f s of CPU)%n%d distinct outcomes%n", report,
                (System.nanoTime() - start) / 1e9, (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9,
                report.outcomes().size());
        assertThat(report.games()).isEqualTo(10_000);
        assertThat(report.leakCount()).as(report.toString()).isZero();
        assertThat(report.violationCount()).as(report.toString()).isZero();
        assertThat(report.outcomes()).containsKey("Everyone folded: nobody wins.");
        assertThat(report.outcomes().keySet()).anyMatch(o -> o.startsWith("Seat 3 wins"));
        assertThat(report.moves()).isGreaterThan(60_000);
    }

    @Test
    void the_dynamic_sample_game_plays_through_the_engine_and_replays() {
        RandomPlayReport report = RandomPlay.of(new Relay()).games(300).seed(5)
                .options(random -> new Relay.Options(1 + random.nextInt(8), 1 + random.nextInt(20)))
                .run();
        System.out.println("Relay random play: " + report);
        assertThat(report.violationCount()).as(report.toString()).isZero();
        assertThat(report.leakCount()).isZero();
        assertThat(report.games()).isEqualTo(300);
    }

    @Test
    void random_play_catches_deltas_that_do_not_reproduce_the_frame_in_the_games_it_checks_them() {
        RandomPlayReport every = RandomPlay.of(new ViewsAllLookEqual()).games(8).seed(3).run();
        assertThat(every.violationCount()).isPositive();
        assertThat(every.violations()).allMatch(v -> v.contains(" delta for ") && v.contains("does not reproduce"));

        RandomPlayReport fourth = RandomPlay.of(new ViewsAllLookEqual()).games(8).seed(3).deltasEvery(4).run();
        assertThat(fourth.violationCount()).as("games 0 and 4 only").isPositive().isLessThan(every.violationCount());
        assertThat(fourth.moves()).as("the same games are played").isEqualTo(every.moves());
        assertThat(fourth.outcomes()).isEqualTo(every.outcomes());
        assertThat(fourth.leakCount()).as("a broken delta is no leak").isZero();

        RandomPlayReport first = RandomPlay.of(new ViewsAllLookEqual()).games(8).seed(3).deltasEvery(100).run();
        assertThat(first.violations()).as("game 0 only").isNotEmpty().allMatch(v -> v.startsWith("game 0: "));
    }

    @Test
    void random_play_catches_a_game_that_shows_hands_to_spectators() {
        RandomPlayReport report = RandomPlay.of(new ShowsHandsToSpectators()).games(50).run();
        System.out.println("leaky-hands: " + report.leakCount() + " leaks; first: " + report.leaks().get(0));
        assertThat(report.leakCount()).isGreaterThan(0);
        assertThat(report.leaks()).allMatch(l -> l.contains("spectator can tell") && l.contains("through its view"));
        assertThat(report.violationCount()).isZero();
    }

    @Test
    void random_play_catches_a_game_that_counts_high_bets_before_all_are_in() {
        RandomPlayReport report = RandomPlay.of(new CountsHighBets()).games(50).run();
        System.out.println("leaky-bets: " + report.leakCount() + " leaks; first: " + report.leaks().get(0));
        assertThat(report.leakCount()).isGreaterThan(0);
        assertThat(report.leaks()).anyMatch(l -> l.contains("replace /bets/"));
    }

    @Test
    void random_play_catches_a_game_whose_public_events_name_a_hidden_card() {
        RandomPlayReport report = RandomPlay.of(new TellsDrawnCardInEvents()).games(50).run();
        System.out.println("leaky-events: " + report.leakCount() + " leaks; first: " + report.leaks().get(0));
        assertThat(report.leakCount()).isGreaterThan(0);
        assertThat(report.leaks()).anyMatch(l -> l.contains("through its events"));
    }

    @Test
    void random_play_catches_replays_that_show_secret_moves() {
        RandomPlayReport report = RandomPlay.of(new ShowsBetsInReplays()).games(50).run();
        System.out.println("leaky-replays: " + report.leakCount() + " leaks; first: " + report.leaks().get(0));
        assertThat(report.leaks()).isNotEmpty().allMatch(l -> l.contains("through its move view"));
        assertThat(report.violationCount()).isZero();
    }

    @Test
    void random_play_catches_replays_that_read_the_hidden_state() {
        RandomPlayReport report = RandomPlay.of(new NamesCardsInReplays()).games(50).run();
        assertThat(report.leaks()).isNotEmpty().allMatch(l -> l.contains("through its move view"));
    }

    @Test
    void random_play_catches_an_outcome_that_names_a_hidden_card() {
        RandomPlayReport report = RandomPlay.of(new TellsDeckInOutcome()).games(50).run();
        assertThat(report.leaks()).isNotEmpty().allMatch(l -> l.contains("through its outcome"));
    }

    @Test
    void seats_drafting_from_one_pool_act_at_once_and_stale_moves_are_refused() {
        RandomPlayReport report = RandomPlay.of(new Draft()).games(300).run();
        assertThat(report.violationCount()).as(report.toString()).isZero();
        assertThat(report.leakCount()).isZero();
    }
}
