package io.roundtable.core.room;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.message.Target;

/**
 * What can happen to a room. Member ids come from authentication (a seat token), never from the
 * client's own words; the runtime builds these after checking the token. Each command names the desk
 * that handles it, so the engine has no dispatch of its own: adding a command is a record here and
 * its method on a desk.
 */
public sealed interface Command {

    /** Hands this command to the desk that owns its concern. */
    Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now);

    /** A command a member sends: who sent it is part of the command. */
    sealed interface FromMember extends Command {
        String member();
    }

    /**
     * Join as a player (takes the lowest free seat) or as a spectator. {@code client} identifies the
     * joining client (a browser, an account): one client holds at most one membership per room.
     */
    record Join(String name, boolean spectator, String client) implements Command {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.lobby.join(room, game, this, now);
        }

    }

    record Leave(String member) implements FromMember {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.lobby.leave(room, game, member, now);
        }

    }

    /** The host removes another member (not during play of a fixed game). */
    record Kick(String member, String target) implements FromMember {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.lobby.kick(room, game, this, now);
        }

    }

    /**
     * A member of a finished room asks to play again with the same table in room {@code nextRoom}, which
     * the runtime has just created. The first ask sets the finished room's {@link Room#next() next}; every
     * later one changes nothing, and the one who asked learns the room already chosen from it.
     */
    record Rematch(String member, String nextRoom) implements FromMember {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return RematchDesk.rematch(room, this, now);
        }

    }

    record Ready(String member, boolean ready) implements FromMember {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.lobby.ready(room, game, this, now);
        }

    }

    /**
     * A game action. {@code expectedVersion}: the room version the client last saw (stale when the
     * game moved since). {@code idempotencyKey}: a retry with the same key is answered, not applied again.
     */
    record Act(String member, JsonNode action, Long expectedVersion, String idempotencyKey) implements FromMember {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.play.act(room, game, this, now);
        }

    }

    /** A message; {@code kind} {@code signal} is voice signalling, only as a direct message to a member in voice. */
    record Send(String member, Target to, String text, String idempotencyKey, String kind) implements FromMember {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.mail.send(room, game, this, now);
        }

        public Send(String member, Target to, String text, String idempotencyKey) {
            this(member, to, text, idempotencyKey, null);
        }
    }

    /** Joins the room's voice mesh (when the room has voice). */
    record VoiceJoin(String member) implements FromMember {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.voice.join(room, this, now);
        }

    }

    record VoiceLeave(String member) implements FromMember {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.voice.leave(room, this, now);
        }

    }

    /**
     * What a member's client reports about its voice: muted or not, and the state of its link to
     * each other participant ({@code new}, {@code connecting}, {@code connected}, {@code failed}).
     */
    record VoiceReport(String member, Boolean muted, Map<String, String> links) implements FromMember {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.voice.report(room, this, now);
        }

    }

    /** Acknowledges every message of the member's inbox up to and including {@code upTo}. */
    record Ack(String member, long upTo) implements FromMember {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.mail.ack(room, this, now);
        }

    }

    /** A sign of life from a member's client. */
    record Heartbeat(String member) implements FromMember {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.sweep.heartbeat(room, game, member, now);
        }

    }

    /**
     * A member's last connection closed at {@code at} (a closed tab) and no sign of life came since: they show
     * offline at once, rather than when their silence says so. Their seat is kept as for any silence, and
     * their next sign of life brings them back.
     */
    record Closed(String member, Instant at) implements FromMember {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.sweep.closed(room, member, at, now);
        }

    }

    /**
     * The periodic sweep: presence from the last heartbeats, lost seats, the barrier countdown,
     * turn timers and idle rooms.
     */
    record Tick(Map<String, Instant> lastSeen) implements Command {
        @Override
        public Result handle(Desks desks, Room room, GameAdapter<?, ?, ?> game, Instant now) {
            return desks.sweep.tick(room, game, this, now);
        }

        public Tick {
            lastSeen = Map.copyOf(lastSeen);
        }

        public static Tick now() {
            return new Tick(Map.of());
        }
    }
}
