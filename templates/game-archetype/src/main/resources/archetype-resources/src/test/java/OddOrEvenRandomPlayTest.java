package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.roundtable.core.spi.Policy;
import io.roundtable.testkit.RandomPlay;
import io.roundtable.testkit.RandomPlayReport;

/** Whole games through the real room engine, with the leak checker at every step. */
class OddOrEvenRandomPlayTest {
    private static final List<Policy.SeatLoss> SEAT_LOSSES = List.of(Policy.SeatLoss.BOT, Policy.SeatLoss.PAUSE,
            Policy.SeatLoss.ABORT);

    @Test
    void two_thousand_random_games_leak_nothing_and_break_nothing() {
        RandomPlayReport report = RandomPlay.of(new OddOrEven()).games(2_000).seed(2026).perturbations(10)
                .options(random -> new OddOrEvenOptions(random.pick(SEAT_LOSSES)))
                .invariant("a pick is 1 to 5", s -> s.picks().stream().allMatch(p -> p == null || p >= 1 && p <= 5))
                .run();
        System.out.println("Odd or Even random play: " + report);
        assertThat(report.leakCount()).as(report.toString()).isZero();
        assertThat(report.violationCount()).as(report.toString()).isZero();
        assertThat(report.outcomes().keySet()).anyMatch(o -> o.startsWith("Odd wins"))
                .anyMatch(o -> o.startsWith("Even wins"));
    }
}
