package io.roundtable.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.message.Target;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.RoomEngine;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.core.room.Result;
import io.roundtable.core.view.Frames;
import io.roundtable.demo.support.AvalonMoves;
import io.roundtable.games.avalon.Avalon;

/**
 * The core's command level, without a server: thousands of mutated Avalon actions and messages, as
 * the runtime hands them to the room engine (after its own JSON reading), from every member in every
 * phase of real games. Each is accepted or refused with a typed code, never an exception, and every
 * accepted room still writes and reads back as JSON (a room that cannot be read again would be lost).
 * {@code -Dfuzz.seed}, {@code -Dfuzz.core} (cases, default 20000).
 */
class CoreActionFuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    static final int CASES = Integer.getInteger("fuzz.core", 20_000);
    static final List<String> MEMBERS = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7");

    final RoomEngine engine = new RoomEngine(GameCatalog.of(new Avalon()),
            RoomSettings.defaults().withBarrierCountdown(Duration.ZERO));
    final GameAdapter<?, ?, ?> game = engine.games().get("avalon");
    final Mutator mutator = new Mutator(SEED);
    final Tally tally = new Tally();
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    int games;

    @Test
    void every_mutated_action_or_message_is_accepted_or_refused_with_a_typed_code_and_the_room_stays_readable() {
        long started = System.nanoTime();
        Room room = newGame();
        for (int i = 0; i < CASES; i++) {
            now = now.plusMillis(10);
            if (room.phase() == Phase.FINISHED) {
                room = newGame();
            }
            if (i % 3 == 0) {
                room = legitMove(room);
                continue;
            }
            boolean action = mutator.random().nextInt(4) > 0;
            String text = mutator.mutate(action ? mutator.pick(Mutator.ACTIONS) : mutator.pick(Mutator.COMMANDS));
            JsonNode input;
            try {
                input = Json.read(text, JsonNode.class);
            } catch (IllegalArgumentException unreadable) {
                tally.count("unreadable JSON (request/malformed)");
                continue;
            }
            Command command = command(mutator.pick(MEMBERS), action, input);
            if (command == null) {
                continue;
            }
            room = apply(room, command, "case " + i + " of seed " + SEED + ": " + Barrier.abbreviate(text));
        }
        System.out.printf("core-fuzz: seed %d, %d cases, %d games, %.1f s%s%n", SEED, CASES, games,
                (System.nanoTime() - started) / 1e9, tally);
        assertThat(tally.failures()).isEmpty();
    }

    Room newGame() {
        games++;
        Result created = engine.create("fuzz" + games, "avalon",
                Json.read("{\"players\":5,\"evilChannel\":true,\"lady\":true}", JsonNode.class), 0, true, SEED + games, now);
        Room room = created.room();
        for (String member : MEMBERS) {
            room = engine.handle(room, new Command.Join(member, member.equals("m7"), member), now).room();
        }
        for (String member : MEMBERS.subList(0, 5)) {
            room = engine.handle(room, new Command.Ready(member, true), now).room();
        }
        assertThat(room.phase()).isEqualTo(Phase.PLAY);
        return room;
    }

    /** The runtime's records turned into the core's, as WireCommand.ToRoom.toCore does; null when not one of ours. */
    Command command(String member, boolean action, JsonNode input) {
        if (action) {
            Long expected = mutator.random().nextInt(4) == 0 ? (long) mutator.random().nextInt(100) : null;
            return new Command.Act(member, input, expected, null);
        }
        try {
            return switch (input.path("type").asText()) {
                case "send" -> {
                    var send = Json.convert(input, io.roundtable.runtime.protocol.WireCommand.Send.class);
                    yield new Command.Send(member, send.to(), send.text(), send.idempotencyKey(), send.kind());
                }
                case "ack" -> new Command.Ack(member, input.path("upTo").asLong());
                case "voice-report" -> {
                    var report = Json.convert(input, io.roundtable.runtime.protocol.WireCommand.VoiceReport.class);
                    yield new Command.VoiceReport(member, report.muted(), report.links());
                }
                case "voice-join" -> new Command.VoiceJoin(member);
                case "ready" -> new Command.Ready(member, input.path("ready").asBoolean());
                default -> new Command.Send(member, Target.room(), input.path("text").asText(null), null, null);
            };
        } catch (IllegalArgumentException unreadable) {
            tally.count("not a command record (request/malformed)");
            return null;
        }
    }

    Room apply(Room room, Command command, String what) {
        Result step;
        try {
            step = engine.handle(room, command, now);
        } catch (RuntimeException e) {
            tally.fail(what + " threw " + e);
            return room;
        }
        if (step.reply() instanceof Reply.Rejected rejected) {
            String code = rejected.rejection().code();
            if (Arena.typed(code)) {
                tally.count(code);
            } else {
                tally.fail(what + " refused with " + code);
            }
            return room;
        }
        tally.count(command instanceof Command.Act ? "accepted action" : "accepted " + command.getClass().getSimpleName());
        try {
            // As Redis holds it: UTF-8 bytes.
            Room again = Json.read(new String(Json.write(step.room()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.UTF_8), Room.class);
            assertThat(again.version()).isEqualTo(step.room().version());
            step.moves().forEach(m -> Json.read(Json.write(m), io.roundtable.core.room.Move.class));
            step.deliveries().forEach(d -> Json.read(Json.write(d.message()), io.roundtable.core.message.Message.class));
            for (String member : MEMBERS) {
                Json.write(Frames.frame(step.room(), game, member));
            }
        } catch (RuntimeException | AssertionError e) {
            tally.fail(what + " was accepted but the room no longer reads back: " + e);
            return room;
        }
        return step.room();
    }

    /** One awaited seat plays a legal move from its own frame, so the fuzz reaches every phase. */
    Room legitMove(Room room) {
        for (String member : MEMBERS.subList(0, 5)) {
            Optional<JsonNode> move = AvalonMoves.next(Frames.frame(room, game, member));
            if (move.isPresent()) {
                return apply(room, new Command.Act(member, move.get(), null, null), "a legal move");
            }
        }
        return room;
    }
}
