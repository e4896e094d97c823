package io.roundtable.spec;

import static io.roundtable.spec.Tables.bet;
import static io.roundtable.spec.Tables.keep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.roundtable.core.room.Phase;
import io.roundtable.core.spi.Policy;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.testkit.Table;

/** Turn timers: the deadline, what happens when it runs out, and when the clock restarts. */
class TurnTimerTest {
    private static final Duration TURN = Duration.ofSeconds(30);

    @Test
    void without_a_turn_limit_there_is_no_deadline() {
        var seated = Tables.playing(2);
        assertThat(seated.table().room().slot().timer()).isNull();
        assertThat(seated.table().frame(seated.seat(0)).at("/room/deadline").isNull()).isTrue();
    }

    @Test
    void the_deadline_of_the_current_step_is_public() {
        var seated = Tables.playing(2, HighCardOptions.timed(30));
        Table table = seated.table();
        assertThat(table.room().slot().timer().step()).isEqualTo("turn-0");
        assertThat(table.frame(null).at("/room/deadline").asText()).isEqualTo(table.now().plus(TURN).toString());
    }

    @Test
    void when_the_clock_runs_out_the_awaited_seat_keeps_its_card_and_the_next_seat_gets_a_fresh_clock() {
        var seated = Tables.playing(3, HighCardOptions.timed(30));
        Table table = seated.table();
        table.after(TURN.minusMillis(1), seated.all());
        assertThat(table.moves()).isEmpty();
        table.after(Duration.ofMillis(1), seated.all());
        assertThat(table.moves()).singleElement().satisfies(m -> {
            assertThat(m.by()).isEqualTo("timeout");
            assertThat(m.seat()).isZero();
            assertThat(m.action()).isEqualTo(keep());
        });
        assertThat(table.room().slot().timer().step()).isEqualTo("turn-1");
        assertThat(table.room().slot().timer().deadline()).isEqualTo(table.now().plus(TURN));
        assertThat(table.room().slot().gameVersion()).isEqualTo(table.room().version());
    }

    @Test
    void when_the_clock_runs_out_everyone_in_the_room_is_told_whose_time_ran_out() {
        var seated = Tables.playing(3, HighCardOptions.timed(30));
        Table table = seated.table();
        String watcher = table.watch("Wes");
        table.after(TURN, seated.all());
        for (String member : List.of(seated.seat(0), seated.seat(1), seated.seat(2), watcher)) {
            assertThat(table.inbox(member)).as(member).last().satisfies(m -> {
                assertThat(m.kind()).isEqualTo("notice");
                assertThat(m.from()).isNull();
                assertThat(m.text()).isEqualTo("Time ran out for Ann: the game chose for them.");
            });
        }
    }

    @Test
    void when_the_clock_runs_out_on_several_seats_one_notice_names_them_all() {
        var seated = Tables.playing(3, HighCardOptions.timed(30));
        Table table = seated.table();
        table.act(seated.seat(0), keep()).act(seated.seat(1), keep()).act(seated.seat(2), keep())
                .act(seated.seat(1), bet("high"));
        table.after(TURN, seated.all());
        assertThat(table.inbox(seated.seat(1))).filteredOn(m -> m.kind().equals("notice")).extracting(m -> m.text())
                .containsExactly("Time ran out for Ann and Cy: the game chose for each of them.");
    }

    @Test
    void the_clock_restarts_only_when_the_step_changes() {
        var seated = Tables.playing(2, HighCardOptions.timed(30));
        Table table = seated.table();
        table.act(seated.seat(0), keep()).after(Duration.ofSeconds(10), seated.all()).act(seated.seat(1), keep());
        var betting = table.room().slot().timer();
        assertThat(betting.step()).isEqualTo("bets");
        table.after(Duration.ofSeconds(10), seated.all()).act(seated.seat(0), bet("high"));
        assertThat(table.room().slot().timer()).as("one bet in: still the same step").isEqualTo(betting);
    }

    @Test
    void when_the_clock_runs_out_on_the_bets_every_seat_still_awaited_folds() {
        var seated = Tables.playing(3, HighCardOptions.timed(30));
        Table table = seated.table();
        table.act(seated.seat(0), keep()).act(seated.seat(1), keep()).act(seated.seat(2), keep())
                .act(seated.seat(1), bet("high"));
        table.after(TURN, seated.all());
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
        assertThat(table.moves()).filteredOn(m -> m.by().equals("timeout")).extracting(m -> m.seat())
                .containsExactly(0, 2);
        assertThat(table.room().slot().outcome().winners()).containsExactly(1);
        assertThat(table.room().slot().timer()).isNull();
    }

    @Test
    void a_paused_game_does_not_time_out_and_its_clock_restarts_when_it_resumes() {
        var seated = Tables.playing(2, new HighCardOptions(120, Policy.SeatLoss.PAUSE));
        Table table = seated.table();
        Duration grace = table.engine().settings().timings().gracePeriod();
        table.after(grace.plusSeconds(1), seated.seat(1));
        assertThat(table.room().slot().paused()).isTrue();
        table.after(Duration.ofSeconds(60), seated.seat(1));
        assertThat(table.moves()).as("no timeout while paused").isEmpty();
        table.heartbeat(seated.seat(0));
        assertThat(table.room().slot().paused()).isFalse();
        assertThat(table.room().slot().timer().deadline()).as("the returning player gets a whole turn")
                .isEqualTo(table.now().plus(Duration.ofSeconds(120)));
        table.after(Duration.ofSeconds(1), seated.all());
        assertThat(table.moves()).isEmpty();
    }
}
