package io.roundtable.spec;

import static io.roundtable.spec.Tables.bet;
import static io.roundtable.spec.Tables.keep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.roundtable.core.room.Move;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.testkit.Table;

/**
 * Bots paced like people ({@link RoomSettings.Timings#botMoveDelay()}): a bot the game awaits moves a
 * delay later, at the sweep, never in the change that made it due. HighCard: seats keep or swap in turn,
 * then everyone bets at once.
 */
class PacedBotsTest {
    private static final Duration DELAY = Duration.ofSeconds(1);
    private static final RoomSettings PACED = Tables.NO_COUNTDOWN.withBotMoveDelay(DELAY);

    /** A bot in seat 0 and Ann in seat 1, playing. */
    private static Table botThenAnn(RoomSettings settings, HighCardOptions options) {
        Table table = Table.of(new HighCard()).settings(settings).options(options).bots(1).create();
        table.ready(table.join("Ann"));
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
        return table;
    }

    private static String ann(Table table) {
        return table.room().seated().get(1).id();
    }

    @Test
    void with_a_delay_a_bot_does_not_move_in_the_change_that_made_it_due() {
        Table table = botThenAnn(PACED, HighCardOptions.defaults());
        assertThat(table.last().moves()).isEmpty();
        assertThat(table.room().slot().botsDueAt()).isEqualTo(table.now().plus(DELAY));
    }

    @Test
    void the_bot_moves_at_the_first_sweep_at_or_after_its_due_time() {
        Table table = botThenAnn(PACED, HighCardOptions.defaults());
        String ann = ann(table);
        table.after(DELAY.minusMillis(1), ann);
        assertThat(table.moves()).isEmpty();
        table.after(Duration.ofMillis(1), ann);
        assertThat(table.moves()).singleElement().satisfies(m -> {
            assertThat(m.by()).isEqualTo("bot");
            assertThat(m.seat()).isZero();
            assertThat(m.at()).isEqualTo(table.now());
        });
        assertThat(table.room().slot().botsDueAt()).as("now Ann's turn: no bot is due").isNull();
    }

    @Test
    void after_the_humans_move_the_bot_waits_a_delay_again() {
        Table table = botThenAnn(PACED, HighCardOptions.defaults());
        String ann = ann(table);
        table.after(DELAY, ann);
        table.act(ann, keep());
        assertThat(table.last().moves()).as("Ann's keep alone: the bot's bet waits")
                .extracting(Move::by).containsExactly("player");
        assertThat(table.room().slot().botsDueAt()).isEqualTo(table.now().plus(DELAY));
        table.after(DELAY.dividedBy(2), ann).act(ann, bet("high"));
        assertThat(table.room().slot().botsDueAt()).as("a due time already set stands")
                .isEqualTo(table.now().plus(DELAY.dividedBy(2)));
        table.after(DELAY.dividedBy(2), ann);
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
        assertThat(table.moves()).extracting(m -> m.by() + m.seat()).containsExactly("bot0", "player1", "player1", "bot0");
    }

    @Test
    void bots_taking_turns_move_a_delay_apart_and_bots_awaited_together_move_together() {
        RoomSettings pacedWithCountdown = RoomSettings.defaults().withBotMoveDelay(DELAY);
        Table table = Table.of(new HighCard()).settings(pacedWithCountdown).bots(2).create();
        String ann = table.join("Ann");
        table.ready(ann).after(pacedWithCountdown.timings().barrierCountdown(), ann);
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
        table.after(DELAY, ann);
        assertThat(table.moves()).extracting(Move::seat).containsExactly(0);
        table.after(DELAY, ann);
        assertThat(table.moves()).extracting(Move::seat).containsExactly(0, 1);
        table.act(ann, keep());
        table.after(DELAY, ann);
        assertThat(table.last().moves()).as("both bots bet in one sweep").extracting(Move::seat).containsExactly(0, 1);
    }

    @Test
    void a_game_of_bots_only_still_finishes_through_the_sweeps() {
        Table table = Table.of(new HighCard()).settings(PACED).bots(4).create();
        assertThat(table.phase()).isEqualTo(Phase.PLAY);
        assertThat(table.moves()).isEmpty();
        for (int sweep = 0; sweep < 4; sweep++) {
            table.after(DELAY);
            assertThat(table.moves()).as("one swap a sweep").hasSize(sweep + 1);
        }
        table.after(DELAY);
        assertThat(table.phase()).as("the four bets in the fifth sweep end it").isEqualTo(Phase.FINISHED);
        assertThat(table.moves()).hasSize(8).allMatch(m -> m.by().equals("bot"));
        assertThat(table.room().slot().botsDueAt()).isNull();
    }

    @Test
    void a_stand_in_for_a_lost_player_is_paced_the_same_way() {
        Table table = Table.of(new HighCard()).settings(PACED).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.ready(ann, bob);
        table.after(PACED.timings().gracePeriod().plusMillis(1), ann);
        assertThat(table.room().member(bob).orElseThrow().standIn()).isTrue();
        table.act(ann, keep());
        assertThat(table.last().moves()).extracting(Move::by).containsExactly("player");
        table.after(DELAY, ann);
        assertThat(table.last().moves()).singleElement().satisfies(m -> {
            assertThat(m.by()).isEqualTo("bot");
            assertThat(m.seat()).isEqualTo(1);
        });
    }

    @Test
    void the_humans_clock_starts_when_the_bot_has_moved() {
        Table table = botThenAnn(PACED, HighCardOptions.timed(30));
        table.after(DELAY, ann(table));
        assertThat(table.room().slot().timer().step()).isEqualTo("turn-1");
        assertThat(table.room().slot().timer().deadline()).isEqualTo(table.now().plusSeconds(30));
    }

    @Test
    void a_bot_without_a_move_is_not_due_again_until_the_game_changes() {
        Table table = Table.of(new EngineEdgesTest.NoBots()).settings(PACED).bots(1).create();
        String ann = table.join("Ann");
        table.ready(ann);
        table.after(DELAY, ann);
        assertThat(table.moves()).isEmpty();
        assertThat(table.room().slot().botsDueAt()).isNull();
        long version = table.room().version();
        table.after(DELAY, ann);
        assertThat(table.room().version()).as("the next sweeps change nothing").isEqualTo(version);
    }

    @Test
    void with_no_delay_bots_move_in_the_same_change_as_before() {
        Table table = botThenAnn(Tables.NO_COUNTDOWN, HighCardOptions.defaults());
        assertThat(table.last().moves()).extracting(m -> m.by() + m.seat()).containsExactly("bot0");
        assertThat(table.room().slot().botsDueAt()).isNull();
        table.act(ann(table), keep()).act(ann(table), bet("high"));
        assertThat(table.phase()).isEqualTo(Phase.FINISHED);
    }
}
