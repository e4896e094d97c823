package io.roundtable.games.liarsdice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.roundtable.core.spi.Policy;
import io.roundtable.testkit.RandomPlay;
import io.roundtable.testkit.RandomPlayReport;

/** Whole games through the real room engine, with the leak checker at every step. */
class RandomPlayTest {
    private static final List<Policy.SeatLoss> SEAT_LOSSES = List.of(Policy.SeatLoss.BOT, Policy.SeatLoss.PAUSE,
            Policy.SeatLoss.ABORT);

    @Test
    void five_hundred_random_games_leak_nothing_and_break_nothing() {
        RandomPlayReport report = RandomPlay.of(new LiarsDice()).games(500).seed(2026).perturbations(3)
                .options(random -> new LiarsDiceOptions(1 + random.nextInt(4), random.pick(SEAT_LOSSES)))
                .invariant("every die shows 1 to 6", s -> s.dice().stream().flatMap(List::stream).allMatch(d -> d >= 1 && d <= 6))
                .invariant("the seat on turn has dice", s -> s.over() || s.in(s.turn()))
                .invariant("a bid standing names a face from 2 to 6", s -> s.bid() == null || s.bid().face() >= 2)
                .run();
        System.out.println("Liar's Dice random play: " + report);
        assertThat(report.leakCount()).as(report.toString()).isZero();
        assertThat(report.violationCount()).as(report.toString()).isZero();
        assertThat(report.outcomes().keySet()).anyMatch(o -> o.equals("Seat 1 is the last one with dice."))
                .anyMatch(o -> o.equals("Seat 2 is the last one with dice."));
    }
}
