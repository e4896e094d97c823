package io.roundtable.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.message.Delivery;
import io.roundtable.core.message.Target;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.RoomEngine;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.core.room.Result;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Policy;
import io.roundtable.core.view.Deltas;
import io.roundtable.core.view.Frames;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.sample.relay.Relay;

/**
 * Properties of every room, over many rooms built by random command sequences (a seeded generator:
 * any failure names its seed and replays exactly). Every room, at every step, must survive the JSON
 * round trip whole, count its versions right, keep seats and inboxes consistent, and give every
 * viewer deltas that reproduce their next frame.
 */
class RoomPropertiesTest {
    private static final int ROOMS = 300;
    private static final int COMMANDS = 60;
    private static final HighCard HIGH_CARD = new HighCard();
    private static final Relay RELAY = new Relay();
    private static final List<String> CLIENTS = List.of("ann", "bob", "cy", "dee", "eve", "fay");
    private static final List<String> CHANNELS = List.of("even", "odd", "nope");

    @Test
    void every_generated_room_survives_the_json_round_trip_and_keeps_its_invariants_at_every_step() {
        Map<String, Integer> phasesSeen = new HashMap<>();
        int steps = 0;
        for (int seed = 0; seed < ROOMS; seed++) {
            steps += checkRoom(seed, phasesSeen);
        }
        System.out.println("room properties: " + ROOMS + " rooms, " + steps + " steps, phases " + phasesSeen);
        assertThat(phasesSeen).containsKeys("LOBBY", "BARRIER", "PLAY", "FINISHED", "PAUSED");
    }

    private static int checkRoom(long seed, Map<String, Integer> phasesSeen) {
        GameRandom random = GameRandom.seeded(seed);
        boolean dynamic = random.nextInt(4) == 0;
        RoomSettings settings = RoomSettings.defaults()
                .withBarrierCountdown(Duration.ofSeconds(random.nextBoolean() ? 0 : 3));
        RoomEngine engine = new RoomEngine(GameCatalog.of(HIGH_CARD, RELAY), settings);
        Object options = dynamic ? new Relay.Options(1 + random.nextInt(5), 5 + random.nextInt(20))
                : new HighCardOptions(random.nextBoolean() ? 0 : 20 + random.nextInt(60),
                        random.pick(List.of(Policy.SeatLoss.BOT, Policy.SeatLoss.PAUSE, Policy.SeatLoss.ABORT)));
        Instant now = Instant.parse("2026-11-26T09:00:00Z").plusSeconds(seed);
        Result step = engine.create("room-" + seed, dynamic ? "relay" : "highcard", Json.tree(options),
                dynamic ? 0 : random.nextInt(3), seed * 7919, now);
        GameAdapter<?, ?, ?> game = engine.games().get(step.room().facts().game());
        Map<String, JsonNode> frames = new HashMap<>();
        Map<String, Long> delivered = new HashMap<>();
        Map<String, Instant> heartbeats = new HashMap<>();
        check(seed, -1, null, step, game, frames, delivered);
        for (int i = 0; i < COMMANDS; i++) {
            Room room = step.room();
            Command command = randomCommand(room, game, random, now, heartbeats);
            if (command instanceof Command.Tick) {
                now = now.plusSeconds(random.nextInt(60));
            } else {
                now = now.plusMillis(random.nextInt(2000));
            }
            step = engine.handle(room, command, now);
            if (command instanceof Command.Join && step.reply().accepted()) {
                heartbeats.put(((Reply.Accepted) step.reply()).member(), now);
            }
            check(seed, i, room, step, game, frames, delivered);
            phasesSeen.merge(step.room().slot().paused() ? "PAUSED" : step.room().phase().name(), 1, Integer::sum);
        }
        return COMMANDS;
    }

    private static Command randomCommand(Room room, GameAdapter<?, ?, ?> game, GameRandom random, Instant now,
            Map<String, Instant> heartbeats) {
        List<String> ids = new ArrayList<>(room.members().stream().filter(m -> !m.bot()).map(Member::id).toList());
        ids.add("m99");
        String member = random.pick(ids);
        String other = random.pick(ids);
        switch (random.nextInt(11)) {
            case 0:
            case 1:
                return new Command.Join(random.pick(List.of("Ann", "Bob", "", "Cy")), random.nextInt(4) == 0,
                        random.pick(CLIENTS));
            case 2:
                return new Command.Ready(member, random.nextInt(5) != 0);
            case 3:
                return random.nextInt(3) == 0 ? new Command.Leave(member) : new Command.Kick(member, other);
            case 4:
            case 5:
            case 6:
                return act(room, game, random, member);
            case 7: {
                Target to = random.pick(List.of(Target.room(), Target.member(other),
                        Target.channel(random.pick(CHANNELS))));
                return new Command.Send(member, to, random.pick(List.of("hi", "", "gg", "x".repeat(1001))),
                        random.nextBoolean() ? null : "s" + random.nextInt(4));
            }
            case 8:
                return new Command.Ack(member, random.nextInt(4) - 1);
            case 9:
                heartbeats.put(member, now);
                return new Command.Heartbeat(member);
            default:
                Map<String, Instant> seen = new HashMap<>();
                heartbeats.forEach((id, at) -> {
                    if (random.nextBoolean()) {
                        seen.put(id, at);
                    }
                });
                return new Command.Tick(seen);
        }
    }

    /** Mostly the bot's legal move for the member's seat, sometimes a wrong or malformed one. */
    private static Command act(Room room, GameAdapter<?, ?, ?> game, GameRandom random, String member) {
        Member actor = room.member(member).orElse(null);
        JsonNode action = Json.mapper().createObjectNode().put("type", "cheat");
        if (actor != null && actor.isSeated() && room.phase() == Phase.PLAY && random.nextInt(6) != 0) {
            action = game.bot(room.state(), actor.seat(), random).orElse(action);
        }
        Long expected = random.nextInt(5) == 0 ? (long) random.nextInt((int) room.version() + 2) : null;
        return new Command.Act(member, action, expected, random.nextInt(4) == 0 ? "a" + random.nextInt(3) : null);
    }

    private static void check(long seed, int index, Room before, Result step, GameAdapter<?, ?, ?> game,
            Map<String, JsonNode> frames, Map<String, Long> delivered) {
        String where = "room seed " + seed + ", command " + index;
        Room room = step.room();
        Room again = Json.read(Json.write(room), Room.class);
        assertThat(again).as(where + ": JSON round trip").isEqualTo(room);
        assertThat(Json.tree(again)).as(where).isEqualTo(Json.tree(room));
        if (before != null) {
            if (step.changed()) {
                assertThat(room.version()).as(where + ": an applied change").isEqualTo(before.version() + 1);
            } else {
                assertThat(room.version()).as(where + ": nothing applied").isEqualTo(before.version());
            }
            if (!step.reply().accepted()) {
                assertThat(room).as(where + ": a refusal changes nothing").isSameAs(before);
            }
        }
        assertThat(room.slot().gameVersion()).as(where).isLessThanOrEqualTo(room.version());
        Set<String> ids = new HashSet<>();
        Set<Integer> seats = new HashSet<>();
        int maxPlayers = game.policy(room.facts().options()).maxPlayers();
        for (Member m : room.members()) {
            assertThat(ids.add(m.id())).as(where + ": member ids are unique").isTrue();
            if (m.isSeated()) {
                assertThat(seats.add(m.seat())).as(where + ": one member per seat").isTrue();
                assertThat(m.seat()).as(where).isBetween(0, maxPlayers - 1);
            }
            assertThat(m.ackedSeq()).as(where).isBetween(0L, m.inboxSeq());
        }
        assertThat(room.roster().host() == null || room.member(room.roster().host()).filter(m -> !m.bot()).isPresent())
                .as(where + ": the host is a human member").isTrue();
        for (Delivery d : step.deliveries()) {
            long last = delivered.getOrDefault(d.member(), 0L);
            assertThat(d.message().seq()).as(where + ": gap-free inbox of " + d.member()).isEqualTo(last + 1);
            delivered.put(d.member(), d.message().seq());
        }
        List<String> viewers = new ArrayList<>(room.members().stream().map(Member::id).toList());
        viewers.add(null);
        for (String viewer : viewers) {
            String key = String.valueOf(viewer);
            JsonNode next = Frames.frame(room, game, viewer);
            JsonNode previous = frames.get(key);
            if (previous != null) {
                assertThat(Deltas.apply(Deltas.diff(previous, next), previous)).as(where + ": delta for " + key)
                        .isEqualTo(next);
            }
            frames.put(key, next);
        }
    }
}
