package io.roundtable.runtime.rest;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.Reply;
import io.roundtable.core.view.Frames;
import io.roundtable.runtime.limits.RateLimits;
import io.roundtable.runtime.protocol.Problem;
import io.roundtable.runtime.rooms.RoomService;
import io.roundtable.runtime.rooms.Tokens;
import io.roundtable.runtime.store.LobbyQuery;
import io.roundtable.runtime.store.RoomCard;
import io.roundtable.runtime.store.RoomIndex;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The lobby: list and create rooms, look at one, join it. No token needed here. */
@Path("/api/rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lobby")
public class RoomsResource {
    private final RoomService rooms;
    private final RoomIndex index;
    private final Tokens tokens;
    private final RateLimits limits;

    public RoomsResource(RoomService rooms, RoomIndex index, Tokens tokens, RateLimits limits) {
        this.rooms = rooms;
        this.index = index;
        this.tokens = tokens;
        this.limits = limits;
    }

    @GET
    @Operation(summary = "Live rooms, newest first; filter by game, and by open (a seat can be taken now)")
    public Uni<List<RoomCard>> list(@QueryParam("game") String game, @QueryParam("open") Boolean open,
            @QueryParam("limit") Integer limit) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 500) {
            return Uni.createFrom().failure(new Problem(ErrorCode.REQUEST_INVALID, "limit is between 1 and 500."));
        }
        return index.cards(new LobbyQuery(game, open, max));
    }

    @POST
    @Operation(summary = "Create a room of a game with options (validated by the game) and optional bots")
    public Uni<RestResponse<Api.Created>> create(Api.CreateRoom body, HttpServerRequest request) {
        if (body == null || body.game() == null) {
            return Uni.createFrom().failure(new Problem(ErrorCode.REQUEST_INVALID, "Say which game: {\"game\": \"…\"}."));
        }
        if (!limits.createRoom(client(request))) {
            return Uni.createFrom().failure(new Problem(ErrorCode.LIMIT_ROOMS,
                    "You created rooms too quickly; wait a minute."));
        }
        int bots = body.bots() == null ? 0 : body.bots();
        return rooms.create(body.game(), body.options(), bots, Boolean.TRUE.equals(body.voice())).map(room -> RestResponse.status(
                RestResponse.Status.CREATED, new Api.Created(room.id(), room.version(),
                        RoomCard.of(room, rooms.engine().games().playedIn(room)))));
    }

    @GET
    @Path("/{room}")
    @Operation(summary = "A room's lobby card")
    public Uni<RoomCard> card(@PathParam("room") String roomId) {
        return rooms.current(roomId).map(room -> {
            if (room == null) {
                throw new Problem(ErrorCode.ROOM_NOT_FOUND);
            }
            return RoomCard.of(room, rooms.engine().games().playedIn(room));
        });
    }

    @GET
    @Path("/{room}/spectate")
    @Operation(summary = "What an anonymous spectator sees: public facts only")
    public Uni<Api.View> spectate(@PathParam("room") String roomId) {
        return rooms.current(roomId).map(room -> {
            if (room == null) {
                throw new Problem(ErrorCode.ROOM_NOT_FOUND);
            }
            return new Api.View(room.version(), Frames.frame(room, rooms.engine().games().playedIn(room), null));
        });
    }

    @POST
    @Path("/{room}/members")
    @Operation(summary = "Join as a player or a spectator; returns your member id and seat token")
    public Uni<RestResponse<Api.Joined>> join(@PathParam("room") String roomId, Api.Join body,
            HttpServerRequest request) {
        if (body == null) {
            return Uni.createFrom().failure(new Problem(ErrorCode.REQUEST_INVALID, "Say who joins: {\"name\": \"…\"}."));
        }
        if (!limits.join(client(request))) {
            return Uni.createFrom().failure(new Problem(ErrorCode.RATE_LIMITED));
        }
        Command.Join join = new Command.Join(body.name(), Boolean.TRUE.equals(body.spectator()), body.client());
        return rooms.apply(roomId, join).map(step -> {
            if (step.reply() instanceof Reply.Rejected rejected) {
                throw new Problem(rejected.rejection(), rejected.version());
            }
            String member = ((Reply.Accepted) step.reply()).member();
            Integer seat = step.room().member(member).map(m -> m.seat()).orElse(null);
            return RestResponse.status(RestResponse.Status.CREATED, new Api.Joined(roomId, member,
                    tokens.issue(roomId, member), seat, step.room().version()));
        });
    }

    static String client(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
