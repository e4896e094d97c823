package io.roundtable.spec;

import static io.roundtable.spec.Tables.bet;
import static io.roundtable.spec.Tables.keep;
import static io.roundtable.spec.Tables.swap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.message.Target;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Replay;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.RoomEngine;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.core.room.Result;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Viewer;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.testkit.Table;

/** The version counter, the game version, and replays: of a game from its log, of a room from its commands. */
class VersioningAndReplayTest {
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    /** A command and how long after the previous one it arrives. */
    private record Timed(Duration after, Command command) {
    }

    private static Timed at(long seconds, Command command) {
        return new Timed(Duration.ofSeconds(seconds), command);
    }

    /** A whole evening at one table: every kind of command, accepted and refused ones. */
    private static List<Timed> evening() {
        return List.of(
                at(0, new Command.Join("Ann", false, "a")),
                at(1, new Command.Join("Bob", false, "b")),
                at(1, new Command.Join("Bob", false, "b")), // refused: already a member
                at(1, new Command.Join("Wes", true, "w")),
                at(1, new Command.Join("Cy", false, "c")),
                at(1, new Command.Send("m3", Target.room(), "hello", "s1")),
                at(1, new Command.Send("m3", Target.room(), "hello", "s1")), // replayed
                at(1, new Command.Ready("m1", true)),
                at(1, new Command.Ready("m2", true)),
                at(1, new Command.Ready("m4", true)),
                at(1, new Command.Ready("m4", false)),
                at(1, new Command.Ready("m4", true)),
                at(3, Command.Tick.now()), // the countdown ends: play
                at(1, new Command.Act("m2", keep(), null, null)), // refused: not Bob's turn
                at(1, new Command.Act("m1", swap(), null, "a1")),
                at(1, new Command.Ack("m2", 1)),
                at(1, new Command.Send("m1", Target.channel("even"), "I swapped", null)),
                at(1, new Command.Send("m2", Target.member("m1"), "good luck", null)),
                at(25, new Command.Tick(Map.of("m1", START.plusSeconds(40), "m3", START.plusSeconds(40),
                        "m4", START.plusSeconds(40)))), // Bob shows away
                at(1, new Command.Heartbeat("m2")),
                at(1, new Command.Act("m2", keep(), null, null)),
                at(100, new Command.Tick(Map.of("m1", START.plusSeconds(146), "m2", START.plusSeconds(146),
                        "m3", START.plusSeconds(146)))), // Cy's seat is lost: a stand-in swaps and bets
                at(1, new Command.Act("m1", bet("high"), null, null)),
                at(1, new Command.Heartbeat("m4")), // Cy is back
                at(1, new Command.Leave("m3")),
                at(300, new Command.Tick(Map.of("m1", START.plusSeconds(446), "m2", START.plusSeconds(446),
                        "m4", START.plusSeconds(446)))), // Bob's bet times out: he folds
                at(1, new Command.Act("m2", bet("low"), null, null)), // refused: the game is over
                at(1, new Command.Ack("m1", 2)));
    }

    private static List<Result> run(List<Timed> script) {
        RoomEngine engine = new RoomEngine(GameCatalog.of(new HighCard()), RoomSettings.defaults());
        Instant now = START;
        List<Result> steps = new ArrayList<>();
        Result step = engine.create("evening", "highcard", Json.tree(HighCardOptions.timed(300)), 0, 2026, now);
        steps.add(step);
        for (Timed timed : script) {
            now = now.plus(timed.after());
            step = engine.handle(step.room(), timed.command(), now);
            steps.add(step);
        }
        return steps;
    }

    @Test
    void running_the_same_commands_through_a_fresh_engine_gives_the_identical_room_at_every_step() {
        List<Result> first = run(evening());
        List<Result> second = run(evening());
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).room()).as("room after command %d", i).isEqualTo(first.get(i).room());
            assertThat(Json.write(second.get(i).room())).isEqualTo(Json.write(first.get(i).room()));
            assertThat(second.get(i).reply()).isEqualTo(first.get(i).reply());
            assertThat(second.get(i).deliveries()).isEqualTo(first.get(i).deliveries());
            assertThat(second.get(i).moves()).isEqualTo(first.get(i).moves());
        }
        Room last = first.get(first.size() - 1).room();
        assertThat(last.phase().name()).as("the evening ends with the game over").isEqualTo("FINISHED");
    }

    @Test
    void every_applied_change_adds_exactly_one_to_the_version_and_nothing_else_does() {
        List<Result> steps = run(evening());
        int applied = 0;
        int refused = 0;
        for (int i = 1; i < steps.size(); i++) {
            Room before = steps.get(i - 1).room();
            Result step = steps.get(i);
            if (step.changed()) {
                applied++;
                assertThat(step.room().version()).as("after command %d", i).isEqualTo(before.version() + 1);
                assertThat(step.reply().accepted()).isTrue();
            } else {
                assertThat(step.room().version()).as("after command %d", i).isEqualTo(before.version());
                if (!step.reply().accepted()) {
                    refused++;
                    assertThat(step.room()).isSameAs(before);
                }
            }
            assertThat(step.room().slot().gameVersion()).isLessThanOrEqualTo(step.room().version());
            step.moves().forEach(m -> assertThat(m.version()).isEqualTo(step.room().version()));
        }
        assertThat(applied).isGreaterThan(20);
        assertThat(refused).isEqualTo(3);
    }

    @Test
    void the_game_version_moves_only_with_the_phase_or_the_game() {
        List<Result> steps = run(evening());
        for (int i = 1; i < steps.size(); i++) {
            Room before = steps.get(i - 1).room();
            Room after = steps.get(i).room();
            boolean controlMoved = before.seated().stream().anyMatch(m -> after.member(m.id())
                    .filter(a -> a.playedByBot() != m.playedByBot()).isPresent());
            boolean gameMoved = !after.state().equals(before.state()) || after.phase() != before.phase()
                    || after.slot().paused() != before.slot().paused() || controlMoved;
            if (gameMoved) {
                assertThat(after.slot().gameVersion()).as("command %d", i).isEqualTo(after.version());
            } else {
                assertThat(after.slot().gameVersion()).as("command %d", i).isEqualTo(before.slot().gameVersion());
            }
        }
    }

    @Test
    void the_game_replays_from_seed_and_moves_to_the_state_after_every_step() {
        List<Result> steps = run(evening());
        GameAdapter<?, ?, ?> game = new GameAdapter<>(new HighCard());
        List<Move> log = new ArrayList<>();
        Room last = steps.get(steps.size() - 1).room();
        for (Result step : steps) {
            if (step.moves().isEmpty()) {
                continue;
            }
            log.addAll(step.moves());
            JsonNode replayed = Replay.state(game, last.facts().options(), last.seated().size(), last.facts().seed(), log, log.size());
            assertThat(replayed).isEqualTo(step.room().state());
        }
        assertThat(log).extracting(Move::by).contains("player", "bot", "timeout");
        assertThat(log).extracting(Move::index).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void a_replay_shows_each_move_as_its_viewer_may_know_it_and_a_secret_bet_only_to_its_seat() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        table.act(seated.seat(0), swap()).act(seated.seat(1), keep())
                .act(seated.seat(0), bet("high")).act(seated.seat(1), bet("low"));
        Room room = table.room();
        GameAdapter<?, ?, ?> game = new GameAdapter<>(new HighCard());
        List<Move> log = table.moves();
        assertThat(Replay.log(game, room.facts().options(), 2, room.facts().seed(), log, Viewer.SPECTATOR)).extracting(Move::action)
                .containsExactly(swap(), keep(), Json.tree(Map.of("type", "bet")), Json.tree(Map.of("type", "bet")));
        assertThat(Replay.log(game, room.facts().options(), 2, room.facts().seed(), log, Viewer.seat(1))).extracting(Move::action)
                .containsExactly(swap(), keep(), Json.tree(Map.of("type", "bet")), bet("low"));
        Replay.Seen third = Replay.step(game, room.facts().options(), 2, room.facts().seed(), log, 3, Viewer.seat(1));
        assertThat(third.move().action()).isEqualTo(Json.tree(Map.of("type", "bet")));
        assertThat(third.move()).usingRecursiveComparison().ignoringFields("action").isEqualTo(log.get(2));
        assertThat(third.state()).isEqualTo(Replay.state(game, room.facts().options(), 2, room.facts().seed(), log, 3));
        assertThat(Replay.step(game, room.facts().options(), 2, room.facts().seed(), log, 0, Viewer.SPECTATOR).move()).isNull();
    }

    @Test
    void a_move_log_out_of_order_or_a_step_outside_it_is_refused() {
        List<Result> steps = run(evening());
        Room last = steps.get(steps.size() - 1).room();
        GameAdapter<?, ?, ?> game = new GameAdapter<>(new HighCard());
        List<Move> log = steps.stream().flatMap(s -> s.moves().stream()).toList();
        assertThatThrownBy(() -> Replay.state(game, last.facts().options(), 3, last.facts().seed(), log, log.size() + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Replay.state(game, last.facts().options(), 3, last.facts().seed(), log, -1))
                .isInstanceOf(IllegalArgumentException.class);
        List<Move> shuffled = new ArrayList<>(log);
        shuffled.add(0, shuffled.remove(1));
        assertThatThrownBy(() -> Replay.state(game, last.facts().options(), 3, last.facts().seed(), shuffled, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
        List<Move> tampered = new ArrayList<>(log);
        Move first = tampered.get(0);
        tampered.set(0, new Move(0, first.kind(), first.seat(), bet("high"), first.by(), first.at(), first.version()));
        assertThatThrownBy(() -> Replay.state(game, last.facts().options(), 3, last.facts().seed(), tampered, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("highcard/not_betting_yet");
        assertThat(Replay.state(game, last.facts().options(), 3, last.facts().seed(), log, 0))
                .isEqualTo(game.setup(3, last.facts().options(), GameRandom.seeded(last.facts().seed())));
    }

    @Test
    void a_refused_command_leaves_the_room_untouched() {
        var seated = Tables.playing(2);
        Room before = seated.table().room();
        seated.table().refuses(new Command.Act(seated.seat(1), keep(), null, null), "action/not_your_turn");
        assertThat(seated.table().room()).isSameAs(before);
        assertThat(seated.table().last().changed()).isFalse();
        assertThat(seated.table().last().deliveries()).isEmpty();
        assertThat(seated.table().last().moves()).isEmpty();
    }
}
