package io.roundtable.runtime.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.message.Message;

/** Everything the server pushes over a room's WebSocket; {@code "type"} says which. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerFrame.Snapshot.class, name = "snapshot"),
        @JsonSubTypes.Type(value = ServerFrame.Patch.class, name = "patch"),
        @JsonSubTypes.Type(value = ServerFrame.Synced.class, name = "synced"),
        @JsonSubTypes.Type(value = ServerFrame.Inbox.class, name = "message"),
        @JsonSubTypes.Type(value = ServerFrame.Gap.class, name = "gap"),
        @JsonSubTypes.Type(value = ServerFrame.Events.class, name = "events"),
        @JsonSubTypes.Type(value = ServerFrame.Result.class, name = "reply"),
        @JsonSubTypes.Type(value = ServerFrame.Failure.class, name = "error"),
        @JsonSubTypes.Type(value = ServerFrame.Pong.class, name = "pong") })
public sealed interface ServerFrame {

    /** The whole frame of this viewer at {@code version}. */
    record Snapshot(long version, JsonNode frame) implements ServerFrame {
    }

    /** RFC 6902 operations turning this viewer's frame at {@code from} into the one at {@code version}. */
    record Patch(long from, long version, JsonNode ops) implements ServerFrame {
    }

    /** The client is up to date at {@code version}. */
    record Synced(long version) implements ServerFrame {
    }

    /** One message of this member's inbox. */
    record Inbox(Message message) implements ServerFrame {
    }

    /** Inbox messages {@code from}…{@code to} were trimmed before the client asked for them. */
    record Gap(long from, long to) implements ServerFrame {
    }

    /** Public events the game emitted with the change to {@code version}. */
    record Events(long version, List<Object> events) implements ServerFrame {
    }

    /**
     * The answer to a command sent over the socket (matched by {@code ref}). {@code replayed} comes with
     * accepted commands only, as in REST's {@code {"ok","version","replayed"}}: true when an idempotency
     * key matched an earlier accepted command, which was answered again and not applied again. A refusal
     * carries {@code error} instead.
     */
    record Result(String ref, boolean ok, Long version, Boolean replayed, ErrorBody error) implements ServerFrame {
    }

    /** An error not tied to a command (a frame that could not be read, a limit). */
    record Failure(ErrorBody error) implements ServerFrame {
    }

    record Pong(String ref, long serverTime) implements ServerFrame {
    }
}
