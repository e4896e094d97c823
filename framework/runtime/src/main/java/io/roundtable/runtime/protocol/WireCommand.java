package io.roundtable.runtime.protocol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;

import io.roundtable.core.message.Target;
import io.roundtable.core.room.Command;

/**
 * A command from a member's client. The same records travel as REST bodies and as socket messages
 * ({@code "type"} says which; a REST body sent to one command's own path may leave it out); one
 * handler serves both paths. The member is never part of the
 * command: it comes from the seat token. {@code ref} is echoed in the WebSocket reply.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = WireCommand.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = WireCommand.Act.class, name = "act"),
        @JsonSubTypes.Type(value = WireCommand.Send.class, name = "send"),
        @JsonSubTypes.Type(value = WireCommand.Ack.class, name = "ack"),
        @JsonSubTypes.Type(value = WireCommand.Leave.class, name = "leave"),
        @JsonSubTypes.Type(value = WireCommand.Kick.class, name = "kick"),
        @JsonSubTypes.Type(value = WireCommand.Ping.class, name = "ping"),
        @JsonSubTypes.Type(value = WireCommand.Sync.class, name = "sync"),
        @JsonSubTypes.Type(value = WireCommand.Rematch.class, name = "rematch"),
        @JsonSubTypes.Type(value = WireCommand.VoiceJoin.class, name = "voice-join"),
        @JsonSubTypes.Type(value = WireCommand.VoiceLeave.class, name = "voice-leave"),
        @JsonSubTypes.Type(value = WireCommand.VoiceReport.class, name = "voice-report") })
public sealed interface WireCommand {

    String ref();

    /** A command for the room itself (not {@code ping} or {@code sync}): the core command it becomes. */
    sealed interface ToRoom extends WireCommand {
        /** The core command, from {@code member} (who the seat token says sent it). */
        Command.FromMember toCore(String member);
    }

    /**
     * Whether a read failed because the command's own {@code type} names no command (rather than a
     * nested value, such as a message target's {@code kind}, being of an unknown type).
     */
    static boolean unknownType(Throwable failure) {
        return failure instanceof InvalidTypeIdException unknown
                && unknown.getBaseType() != null && unknown.getBaseType().getRawClass() == WireCommand.class;
    }

    /** Ready (or not) in the lobby of a fixed game. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record Ready(boolean ready, String ref) implements ToRoom {
        @Override
        public Command.FromMember toCore(String member) {
            return new Command.Ready(member, ready);
        }
    }

    /** A game action, with the version the client last saw and an optional idempotency key. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record Act(JsonNode action, Long expectedVersion, String idempotencyKey, String ref) implements ToRoom {
        @Override
        public Command.FromMember toCore(String member) {
            return new Command.Act(member, action, expectedVersion, idempotencyKey);
        }
    }

    /**
     * A message to the room, one member, or a channel ({@code to}: {"kind":"room"|"direct"|"channel", …});
     * {@code kind} {@code "signal"} carries voice signalling to one member in voice.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record Send(Target to, String text, String idempotencyKey, String kind, String ref) implements ToRoom {
        @Override
        public Command.FromMember toCore(String member) {
            return new Command.Send(member, to, text, idempotencyKey, kind);
        }
    }

    /** Acknowledges the inbox up to and including {@code upTo}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record Ack(long upTo, String ref) implements ToRoom {
        @Override
        public Command.FromMember toCore(String member) {
            return new Command.Ack(member, upTo);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record Leave(String ref) implements ToRoom {
        @Override
        public Command.FromMember toCore(String member) {
            return new Command.Leave(member);
        }
    }

    /** The host removes a member. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record Kick(String member, String ref) implements ToRoom {
        @Override
        public Command.FromMember toCore(String sender) {
            return new Command.Kick(sender, member);
        }
    }

    /** A heartbeat; answered with a pong carrying the server time. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record Ping(String ref) implements WireCommand {
    }

    /** Joins the room's voice mesh. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record VoiceJoin(String ref) implements ToRoom {
        @Override
        public Command.FromMember toCore(String member) {
            return new Command.VoiceJoin(member);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record VoiceLeave(String ref) implements ToRoom {
        @Override
        public Command.FromMember toCore(String member) {
            return new Command.VoiceLeave(member);
        }
    }

    /** Mute state and the state of each of this client's peer links ({@code new|connecting|connected|failed}). */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record VoiceReport(Boolean muted, Map<String, String> links, String ref) implements ToRoom {
        @Override
        public Command.FromMember toCore(String member) {
            return new Command.VoiceReport(member, muted, links);
        }
    }

    /** Asks again for what was missed since {@code version} and inbox sequence {@code inbox}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record Sync(Long version, Long inbox, String ref) implements WireCommand {
    }

    /**
     * Play again with the same table (a finished room): answered with the next room, created by the first
     * member to ask. Over REST it has its own path, {@code POST /api/rooms/{room}/rematch}, whose answer
     * names the room.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record Rematch(String ref) implements WireCommand {
    }
}
