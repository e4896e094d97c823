package io.roundtable.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.message.Message;
import io.roundtable.core.message.Target;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.RoomEngine;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.core.room.Result;
import io.roundtable.core.spi.GameRules;
import io.roundtable.core.spi.Rejection;
import io.roundtable.core.view.Frames;

/**
 * A room-level scenario on a manual clock: members join, get ready, play, chat and drop out, the
 * way the server would run them, with no server.
 * <pre>
 * Table table = Table.of(new HighCard()).create();
 * String ann = table.join("Ann"), bob = table.join("Bob");
 * table.ready(ann, bob).after(Duration.ofSeconds(3));
 * assertEquals(Phase.PLAY, table.phase());
 * </pre>
 */
public final class Table {
    private final RoomEngine engine;
    private final String game;
    private Room room;
    private Result last;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Map<String, List<Message>> inboxes = new HashMap<>();
    private final Map<String, Instant> heartbeats = new HashMap<>();
    private final List<Move> moves = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    private Table(RoomEngine engine, String game) {
        this.engine = engine;
        this.game = game;
    }

    public static Builder of(GameRules<?, ?, ?> rules) {
        return new Builder(rules);
    }

    /** How the table is set up before {@link #create()}. */
    public static final class Builder {
        private final GameRules<?, ?, ?> rules;
        private RoomSettings settings = RoomSettings.defaults();
        private Object options;
        private int bots;
        private boolean voice;
        private long seed = 1;

        private Builder(GameRules<?, ?, ?> rules) {
            this.rules = rules;
        }

        public Builder settings(RoomSettings newSettings) {
            this.settings = newSettings;
            return this;
        }

        public Builder options(Object newOptions) {
            this.options = newOptions;
            return this;
        }

        public Builder bots(int count) {
            this.bots = count;
            return this;
        }

        /** The room gets a voice mesh (rooms of a voice game always have one). */
        public Builder voice(boolean withVoice) {
            this.voice = withVoice;
            return this;
        }

        public Builder seed(long newSeed) {
            this.seed = newSeed;
            return this;
        }

        public Table create() {
            Table table = new Table(new RoomEngine(GameCatalog.of(rules), settings), rules.id());
            Result step = table.engine.create("room-1", rules.id(), options == null ? null : Json.tree(options), bots, voice,
                    seed, table.now);
            if (!step.reply().accepted()) {
                fail("the room was not created: " + step.reply());
            }
            table.record(step);
            return table;
        }

        /** Creating the room is refused; returns why. */
        public Rejection refused() {
            Result step = new RoomEngine(GameCatalog.of(rules), settings).create("room-1", rules.id(),
                    options == null ? null : Json.tree(options), bots, seed, Instant.EPOCH);
            if (step.reply() instanceof Reply.Rejected rejected) {
                return rejected.rejection();
            }
            throw new AssertionError("the room was created but should have been refused");
        }
    }

    /** A player joins; returns their member id. */
    public String join(String name) {
        return joined(new Command.Join(name, false, "client-" + name));
    }

    /** A spectator joins; returns their member id. */
    public String watch(String name) {
        return joined(new Command.Join(name, true, "client-" + name));
    }

    private String joined(Command.Join join) {
        Reply.Accepted accepted = accepted(join);
        heartbeats.put(accepted.member(), now);
        return accepted.member();
    }

    public Table ready(String... members) {
        for (String member : members) {
            accepted(new Command.Ready(member, true));
        }
        return this;
    }

    public Table unready(String member) {
        accepted(new Command.Ready(member, false));
        return this;
    }

    public Table leave(String member) {
        accepted(new Command.Leave(member));
        return this;
    }

    public Table kick(String host, String target) {
        accepted(new Command.Kick(host, target));
        return this;
    }

    /** A game action (any object the game reads as its action type), expected to be accepted. */
    public Table act(String member, Object action) {
        accepted(new Command.Act(member, Json.tree(action), null, null));
        return this;
    }

    public Table send(String member, Target to, String text) {
        accepted(new Command.Send(member, to, text, null));
        return this;
    }

    public Table ack(String member, long upTo) {
        accepted(new Command.Ack(member, upTo));
        return this;
    }

    /** Applies any command and returns its reply, accepted or not. */
    public Reply apply(Command command) {
        Result step = engine.handle(room, command, now);
        record(step);
        return step.reply();
    }

    /** The command must be refused with {@code code}; the room must not change. */
    public Rejection refuses(Command command, String code) {
        Room before = room;
        Reply reply = apply(command);
        if (!(reply instanceof Reply.Rejected rejected)) {
            throw new AssertionError(command + " was accepted but should be refused with " + code);
        }
        assertEquals(code, rejected.rejection().code(), () -> "refusal of " + command + ": " + rejected.rejection());
        assertEquals(Json.tree(before), Json.tree(room), "a refused command must change nothing");
        return rejected.rejection();
    }

    private Reply.Accepted accepted(Command command) {
        Reply reply = apply(command);
        if (reply instanceof Reply.Rejected rejected) {
            fail(command + " was refused: " + rejected.rejection());
        }
        return (Reply.Accepted) reply;
    }

    /** A member's client sends a heartbeat now. */
    public Table heartbeat(String member) {
        heartbeats.put(member, now);
        apply(new Command.Heartbeat(member));
        return this;
    }

    /**
     * Time passes; members in {@code stillHere} keep heartbeating, the others fall silent. Then the
     * periodic sweep runs.
     */
    public Table after(Duration duration, String... stillHere) {
        now = now.plus(duration);
        for (String member : stillHere) {
            heartbeats.put(member, now);
        }
        apply(new Command.Tick(heartbeats));
        return this;
    }

    private void record(Result step) {
        last = step;
        room = step.room();
        moves.addAll(step.moves());
        events.addAll(step.events());
        step.deliveries().forEach(d -> inboxes.computeIfAbsent(d.member(), m -> new ArrayList<>()).add(d.message()));
    }

    public Room room() {
        return room;
    }

    public Phase phase() {
        return room.phase();
    }

    public Result last() {
        return last;
    }

    public Instant now() {
        return now;
    }

    public List<Message> inbox(String member) {
        return List.copyOf(inboxes.getOrDefault(member, List.of()));
    }

    public List<Move> moves() {
        return List.copyOf(moves);
    }

    public List<Object> events() {
        return List.copyOf(events);
    }

    /** What a member is shown of the room (null: an anonymous spectator). */
    public JsonNode frame(String member) {
        return Frames.frame(room, engine.games().get(game), member);
    }

    public RoomEngine engine() {
        return engine;
    }
}
