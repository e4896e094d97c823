package io.roundtable.runtime.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.message.Message;
import io.roundtable.core.room.Reply;
import io.roundtable.core.view.Frames;
import io.roundtable.runtime.protocol.Problem;
import io.roundtable.runtime.protocol.WireCommand;
import io.roundtable.runtime.limits.RateLimits;
import io.roundtable.runtime.rooms.CommandIntake;
import io.roundtable.runtime.rooms.Rematches;
import io.roundtable.runtime.rooms.RoomService;
import io.roundtable.runtime.rooms.Tokens;
import io.roundtable.runtime.store.RoomStore;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * What a member does in a room. Every call carries the member's seat token
 * ({@code Authorization: Bearer …}), valid for this room and member only, and every call but leaving is
 * a sign of life: a client that plays over REST alone needs no heartbeats while it is calling.
 */
@Path("/api/rooms/{room}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Member")
@SecurityRequirement(name = "seatToken")
public class MemberResource {
    private final Tokens tokens;
    private final CommandIntake commands;
    private final RoomService rooms;
    private final RoomStore store;
    private final IceServers ice;
    private final Rematches rematches;
    private final RateLimits limits;

    public MemberResource(Tokens tokens, CommandIntake commands, RoomService rooms, RoomStore store, IceServers ice,
            Rematches rematches, RateLimits limits) {
        this.ice = ice;
        this.rematches = rematches;
        this.limits = limits;
        this.tokens = tokens;
        this.commands = commands;
        this.rooms = rooms;
        this.store = store;
    }

    @POST
    @Path("/commands")
    @Operation(summary = "Any member command, as the same record the WebSocket takes ({\"type\": \"act\", …})")
    public Uni<Api.Accepted> command(@PathParam("room") String room, @HeaderParam("Authorization") String auth,
            WireCommand command) {
        return run(room, auth, command);
    }

    @POST
    @Path("/ready")
    @Operation(summary = "Ready or not ({\"ready\": true}) in the lobby of a fixed game")
    public Uni<Api.Accepted> ready(@PathParam("room") String room, @HeaderParam("Authorization") String auth,
            WireCommand.Ready body) {
        return run(room, auth, body);
    }

    @POST
    @Path("/actions")
    @Operation(summary = "A game action with the version you last saw and an optional idempotency key")
    public Uni<Api.Accepted> act(@PathParam("room") String room, @HeaderParam("Authorization") String auth,
            WireCommand.Act body) {
        return run(room, auth, body);
    }

    @POST
    @Path("/messages")
    @Operation(summary = "A message to the room, a member or a channel")
    public Uni<Api.Accepted> send(@PathParam("room") String room, @HeaderParam("Authorization") String auth,
            WireCommand.Send body) {
        return run(room, auth, body);
    }

    @POST
    @Path("/inbox/ack")
    @Operation(summary = "Acknowledge your inbox up to a sequence number")
    public Uni<Api.Accepted> ack(@PathParam("room") String room, @HeaderParam("Authorization") String auth,
            WireCommand.Ack body) {
        return run(room, auth, body);
    }

    @POST
    @Path("/leave")
    @Operation(summary = "Leave the room (during a fixed game a bot takes your seat)")
    public Uni<Api.Accepted> leave(@PathParam("room") String room, @HeaderParam("Authorization") String auth) {
        return run(room, auth, new WireCommand.Leave(null));
    }

    @POST
    @Path("/kick")
    @Operation(summary = "The host removes a member ({\"member\": \"m3\"})")
    public Uni<Api.Accepted> kick(@PathParam("room") String room, @HeaderParam("Authorization") String auth,
            WireCommand.Kick body) {
        return run(room, auth, body);
    }

    @POST
    @Path("/heartbeat")
    @Operation(summary = "A sign of life (the WebSocket's ping does the same)")
    public Uni<Api.Accepted> heartbeat(@PathParam("room") String room, @HeaderParam("Authorization") String auth) {
        return run(room, auth, new WireCommand.Ping(null));
    }

    @POST
    @Path("/rematch")
    @Operation(summary = "Play again with the same table: the finished room's next room, created by the first member to ask")
    public Uni<Api.Rematch> rematch(@PathParam("room") String room, @HeaderParam("Authorization") String auth,
            HttpServerRequest request) {
        String member = member(room, auth);
        if (!limits.command(room, member)) {
            return Uni.createFrom().failure(new Problem(ErrorCode.RATE_LIMITED));
        }
        return rematches.ask(room, member, RoomsResource.client(request))
                .map(next -> new Api.Rematch(next.room(), next.created()));
    }

    @GET
    @Path("/view")
    @Operation(summary = "Your current frame: room facts, you, your channels and your view of the game")
    public Uni<Api.View> view(@PathParam("room") String room, @HeaderParam("Authorization") String auth) {
        return caller(room, auth).chain(member -> rooms.fresh(room).map(current -> {
            if (current == null) {
                throw new Problem(ErrorCode.ROOM_NOT_FOUND);
            }
            if (current.member(member).filter(m -> !m.bot()).isEmpty()) {
                throw new Problem(ErrorCode.ROOM_NOT_MEMBER);
            }
            return new Api.View(current.version(), Frames.frame(current, rooms.engine().games().playedIn(current),
                    member));
        }));
    }

    @GET
    @Path("/ice")
    @Operation(summary = "ICE servers for your voice connections; TURN credentials are yours and short-lived")
    public Uni<Api.Ice> ice(@PathParam("room") String room, @HeaderParam("Authorization") String auth) {
        return caller(room, auth).chain(member -> rooms.current(room).map(current -> {
            if (current == null) {
                throw new Problem(ErrorCode.ROOM_NOT_FOUND);
            }
            if (current.member(member).filter(m -> !m.bot()).isEmpty()) {
                throw new Problem(ErrorCode.ROOM_NOT_MEMBER);
            }
            if (current.voice() == null) {
                throw new Problem(ErrorCode.VOICE_OFF);
            }
            return ice.forMember(room, member, Instant.now());
        }));
    }

    @POST
    @Path("/voice/join")
    @Operation(summary = "Join the room's voice mesh")
    public Uni<Api.Accepted> voiceJoin(@PathParam("room") String room, @HeaderParam("Authorization") String auth) {
        return run(room, auth, new WireCommand.VoiceJoin(null));
    }

    @POST
    @Path("/voice/leave")
    @Operation(summary = "Leave the room's voice mesh")
    public Uni<Api.Accepted> voiceLeave(@PathParam("room") String room, @HeaderParam("Authorization") String auth) {
        return run(room, auth, new WireCommand.VoiceLeave(null));
    }

    @POST
    @Path("/voice/report")
    @Operation(summary = "Report your mute state and the state of your links to other participants")
    public Uni<Api.Accepted> voiceReport(@PathParam("room") String room, @HeaderParam("Authorization") String auth,
            WireCommand.VoiceReport body) {
        return run(room, auth, body);
    }

    @GET
    @Path("/inbox")
    @Operation(summary = "Your inbox messages after a sequence number (default 0)")
    public Uni<Api.InboxPage> inbox(@PathParam("room") String room, @HeaderParam("Authorization") String auth,
            @QueryParam("after") Long after) {
        long from = after == null ? 0 : after;
        return caller(room, auth).chain(member -> {
            if (from < 0) {
                return Uni.createFrom().<List<Message>> failure(
                        new Problem(ErrorCode.REQUEST_INVALID, "after is 0 or more."));
            }
            return store.inbox(room, member);
        }).map(all -> {
            List<Message> page = all.stream().filter(m -> m.seq() > from).toList();
            Map<String, Long> gap = !page.isEmpty() && page.get(0).seq() > from + 1
                    ? Map.of("from", from + 1, "to", page.get(0).seq() - 1) : null;
            return new Api.InboxPage(page, gap);
        });
    }

    private Uni<Api.Accepted> run(String room, String auth, WireCommand command) {
        if (command == null) {
            return Uni.createFrom().failure(new Problem(ErrorCode.REQUEST_MALFORMED, "The request has no body."));
        }
        String member = member(room, auth);
        return commands.handle(room, member, command, true).map(reply -> {
            if (reply instanceof Reply.Rejected rejected) {
                throw new Problem(rejected.rejection(), rejected.version());
            }
            Reply.Accepted accepted = (Reply.Accepted) reply;
            return new Api.Accepted(true, accepted.version(), accepted.replayed());
        });
    }

    /**
     * The member whose token this is, once the call has counted as its sign of life. Commands count in
     * {@link CommandIntake#handle} instead, after their rate limit.
     */
    private Uni<String> caller(String room, String auth) {
        String member = member(room, auth);
        return commands.alive(room, member).replaceWith(member);
    }

    private String member(String room, String auth) {
        String token = Tokens.bearer(auth);
        if (token == null) {
            throw new Problem(ErrorCode.AUTH_MISSING_TOKEN);
        }
        return tokens.member(room, token).orElseThrow(() -> new Problem(ErrorCode.AUTH_INVALID_TOKEN));
    }
}
