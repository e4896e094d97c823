package io.roundtable.runtime.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.message.Message;

/** Everything the server pushes over a room's WebSocket; {@code "type"} says which. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.Snapshot.class, name = "snapshot"),
        @JsonSubTypes.Type(value = ServerMessage.Patch.class, name = "patch"),
        @JsonSubTypes.Type(value = ServerMessage.Synced.class, name = "synced"),
        @JsonSubTypes.Type(value = ServerMessage.Inbox.class, name = "message"),
        @JsonSubTypes.Type(value = ServerMessage.Gap.class, name = "gap"),
        @JsonSubTypes.Type(value = ServerMessage.Events.class, name = "events"),
        @JsonSubTypes.Type(value = ServerMessage.Reply.class, name = "reply"),
        @JsonSubTypes.Type(value = ServerMessage.Failure.class, name = "error"),
        @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong") })
public sealed interface ServerMessage {

    /** The whole frame of this viewer at {@code version}. */
    record Snapshot(long version, JsonNode frame) implements ServerMessage {
    }

    /**
     * RFC 6902 operations turning this viewer's frame at {@code from} into the one at {@code version}. On
     * protocol 2 it also carries the change's public {@code events} and, for the socket whose command made
     * the change, its {@code reply} (each omitted when there is none); protocol 1 sends those separately.
     */
    record Patch(long from, long version, JsonNode ops, List<Object> events, Reply reply) implements ServerMessage {
        public Patch(long from, long version, JsonNode ops) {
            this(from, version, ops, null, null);
        }
    }

    /** The client is up to date at {@code version}. */
    record Synced(long version) implements ServerMessage {
    }

    /** One message of this member's inbox. */
    record Inbox(Message message) implements ServerMessage {
    }

    /** Inbox messages {@code from}…{@code to} were trimmed before the client asked for them. */
    record Gap(long from, long to) implements ServerMessage {
    }

    /** Public events the game emitted with the change to {@code version}. */
    record Events(long version, List<Object> events) implements ServerMessage {
    }

    /**
     * The answer to a command sent over the socket (matched by {@code ref}). {@code replayed} comes with
     * accepted commands only, as in REST's {@code {"ok","version","replayed"}}: true when an idempotency
     * key matched an earlier accepted command, which was answered again and not applied again. A refusal
     * carries {@code error} instead. The answer to {@code rematch} carries the next {@code room} and whether
     * this command {@code created} it (both omitted on every other answer).
     */
    record Reply(String ref, boolean ok, Long version, Boolean replayed, ErrorBody error, String room, Boolean created)
            implements ServerMessage {
        public Reply(String ref, boolean ok, Long version, Boolean replayed, ErrorBody error) {
            this(ref, ok, version, replayed, error, null, null);
        }
    }

    /** An error not tied to a command (a socket message that could not be read, a limit). */
    record Failure(ErrorBody error) implements ServerMessage {
    }

    record Pong(String ref, long serverTime) implements ServerMessage {
    }
}
