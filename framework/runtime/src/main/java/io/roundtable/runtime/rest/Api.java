package io.roundtable.runtime.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.message.Message;
import io.roundtable.runtime.protocol.ErrorBody;
import io.roundtable.runtime.store.RoomCard;

/** REST bodies that are not commands (the commands themselves are {@link io.roundtable.runtime.protocol.WireCommand}). */
public final class Api {
    private Api() {
    }

    /** @param origin the caller's {@code Origin} (null without one); @param allowed whether its sockets are accepted */
    public record SocketCheck(String origin, boolean allowed) {
    }

    /**
     * A game this server offers.
     *
     * @param optionsSchema the JSON Schema of the game's options (a generic options form is drawn from it)
     * @param ui            the game's own browser component ({@code /games/<id>/ui.js}), null when it has none
     * @param voice         every room of this game has a voice mesh (a voice room); any other room may ask for one
     * @param seatFields    JSON Pointers into the view where it holds seat numbers (the generic table names them)
     */
    public record GameInfo(String id, String title, int minPlayers, int maxPlayers, String joinMode,
            JsonNode defaultOptions, JsonNode optionsSchema, String ui, boolean voice, List<String> seatFields) {
    }

    /**
     * Create a room of {@code game}; {@code options} as the game defines them; {@code bots} seats filled
     * with bots; {@code voice} adds a voice mesh for its members.
     */
    public record CreateRoom(String game, JsonNode options, Integer bots, Boolean voice) {
    }

    /** ICE servers for this member's peer connections; TURN credentials expire after {@code ttlSeconds}. */
    public record Ice(List<IceServer> iceServers, long ttlSeconds) {
    }

    public record IceServer(List<String> urls, String username, String credential) {
    }

    public record Created(String id, long version, RoomCard card) {
    }

    /** Join as a player (or a spectator). {@code client}: an id of your own, so one client holds one membership. */
    public record Join(String name, Boolean spectator, String client) {
    }

    /** Your membership: keep the token; it authenticates every call and the socket for this room only. */
    public record Joined(String room, String member, String token, Integer seat, long version) {
    }

    /** The answer to an accepted command. {@code replayed}: an idempotency key seen before. */
    public record Accepted(boolean ok, long version, boolean replayed) {
    }

    /** The finished room's next room ({@code room}), and whether this call {@code created} it. */
    public record Rematch(String room, boolean created) {
    }

    /** A viewer's frame at {@code version}. */
    public record View(long version, JsonNode frame) {
    }

    /** Inbox messages after the requested sequence; {@code gap} lists trimmed sequence numbers, if any. */
    public record InboxPage(List<Message> messages, Map<String, Long> gap) {
    }

    /** An error: {"error": {"code", "message", "version"}}. */
    public record Error(ErrorBody error) {
    }
}
