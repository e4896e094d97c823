package io.roundtable.games.loveletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.roundtable.core.spi.Policy;
import io.roundtable.testkit.RandomPlay;
import io.roundtable.testkit.RandomPlayReport;

/** Twelve hundred whole matches through the real room engine, with the leak checker at every step. */
class RandomPlayTest {
    private static final List<Policy.SeatLoss> SEAT_LOSSES = List.of(Policy.SeatLoss.BOT, Policy.SeatLoss.PAUSE,
            Policy.SeatLoss.ABORT);
    /**
     * Matches per thread. Most are played to 1–3 tokens (a few rounds each), a quarter to the classic goal by
     * players (up to 7): some 35,000 moves, each dearer than a single round's as the match log grows, in
     * about the time the 10,000 single rounds of old took.
     */
    private static final int GAMES = 600;

    @Test
    void twelve_hundred_random_matches_leak_nothing_and_break_nothing() {
        long start = System.nanoTime();
        // Two halves on two threads; their match seeds (31 * seed + game) do not overlap.
        List<RandomPlayReport> halves = List.of(1L, 1_000L).parallelStream().map(RandomPlayTest::play).toList();
        RandomPlayReport report = merged(halves);
        System.out.printf("Palace Letters random play: %s (%.1f s)%noutcomes: %s%n", report,
                (System.nanoTime() - start) / 1e9, report.outcomes());
        assertThat(report.games()).isEqualTo(2 * GAMES);
        assertThat(report.leakCount()).as(report.toString()).isZero();
        assertThat(report.violationCount()).as(report.toString()).isZero();
        assertThat(report.outcomes().keySet())
                .anyMatch(o -> o.equals("Seat 4 wins the match with 4 favour tokens.")) // four players' goal
                .anyMatch(o -> o.equals("Seat 2 wins the match with 7 favour tokens.")) // two players' goal
                .anyMatch(o -> o.equals("Seat 3 wins the match with 1 favour token."));
    }

    private static RandomPlayReport play(long seed) {
        return RandomPlay.of(new LoveLetter()).games(GAMES).seed(seed)
                .options(random -> new LoveLetterOptions(random.nextBoolean() ? 0 : 1 + random.nextInt(120),
                        random.pick(SEAT_LOSSES), random.nextInt(4) == 0 ? null : 1 + random.nextInt(3)))
                .invariant("the sixteen cards are all somewhere", RandomPlayTest::allCardsAccountedFor)
                .invariant("a player out holds nothing, the one on turn two cards, the others one", s -> {
                    for (int seat = 0; seat < s.players(); seat++) {
                        int expected = s.out().contains(seat) ? 0 : seat == s.turn() ? 2 : 1;
                        if (s.hands().get(seat).size() != expected) {
                            return false;
                        }
                    }
                    return true;
                })
                .invariant("only players still in are protected",
                        s -> s.shielded().stream().noneMatch(s.out()::contains))
                .run();
    }

    private static RandomPlayReport merged(List<RandomPlayReport> reports) {
        List<String> leaks = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        Map<String, Long> outcomes = new TreeMap<>();
        reports.forEach(r -> {
            leaks.addAll(r.leaks());
            violations.addAll(r.violations());
            r.outcomes().forEach((summary, count) -> outcomes.merge(summary, count, Long::sum));
        });
        return new RandomPlayReport(reports.stream().mapToInt(RandomPlayReport::games).sum(),
                reports.stream().mapToLong(RandomPlayReport::moves).sum(),
                reports.stream().mapToLong(RandomPlayReport::leakCount).sum(),
                reports.stream().mapToLong(RandomPlayReport::violationCount).sum(), leaks, violations, outcomes);
    }

    private static boolean allCardsAccountedFor(LoveLetterState s) {
        List<Integer> all = new ArrayList<>(s.deck());
        s.hands().forEach(all::addAll);
        s.discards().forEach(all::addAll);
        if (s.aside() != null) {
            all.add(s.aside());
        }
        all.sort(null);
        return all.equals(Card.deck());
    }
}
