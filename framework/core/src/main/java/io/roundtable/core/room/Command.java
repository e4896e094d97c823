package io.roundtable.core.room;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.message.Target;

/**
 * What can happen to a room. Member ids come from authentication (a seat token), never from the
 * client's own words; the runtime builds these after checking the token.
 */
public sealed interface Command {

    /** A command a member sends: who sent it is part of the command. */
    sealed interface FromMember extends Command {
        String member();
    }

    /**
     * Join as a player (takes the lowest free seat) or as a spectator. {@code client} identifies the
     * joining client (a browser, an account): one client holds at most one membership per room.
     */
    record Join(String name, boolean spectator, String client) implements Command {
    }

    record Leave(String member) implements FromMember {
    }

    /** The host removes another member (not during play of a fixed game). */
    record Kick(String member, String target) implements FromMember {
    }

    record Ready(String member, boolean ready) implements FromMember {
    }

    /**
     * A game action. {@code expectedVersion}: the room version the client last saw (stale when the
     * game moved since). {@code idempotencyKey}: a retry with the same key is answered, not applied again.
     */
    record Act(String member, JsonNode action, Long expectedVersion, String idempotencyKey) implements FromMember {
    }

    /** A message; {@code kind} {@code signal} is voice signalling, only as a direct message to a member in voice. */
    record Send(String member, Target to, String text, String idempotencyKey, String kind) implements FromMember {
        public Send(String member, Target to, String text, String idempotencyKey) {
            this(member, to, text, idempotencyKey, null);
        }
    }

    /** Joins the room's voice mesh (when the room has voice). */
    record VoiceJoin(String member) implements FromMember {
    }

    record VoiceLeave(String member) implements FromMember {
    }

    /**
     * What a member's client reports about its voice: muted or not, and the state of its link to
     * each other participant ({@code new}, {@code connecting}, {@code connected}, {@code failed}).
     */
    record VoiceReport(String member, Boolean muted, Map<String, String> links) implements FromMember {
    }

    /** Acknowledges every message of the member's inbox up to and including {@code upTo}. */
    record Ack(String member, long upTo) implements FromMember {
    }

    /** A sign of life from a member's client. */
    record Heartbeat(String member) implements FromMember {
    }

    /**
     * The periodic sweep: presence from the last heartbeats, lost seats, the barrier countdown,
     * turn timers and idle rooms.
     */
    record Tick(Map<String, Instant> lastSeen) implements Command {
        public Tick {
            lastSeen = Map.copyOf(lastSeen);
        }

        public static Tick now() {
            return new Tick(Map.of());
        }
    }
}
