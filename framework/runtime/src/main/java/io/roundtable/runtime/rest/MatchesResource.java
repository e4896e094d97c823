package io.roundtable.runtime.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.json.Json;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.GameHost;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Replay;
import io.roundtable.core.spi.Viewer;
import io.roundtable.runtime.archive.ArchivedMatch;
import io.roundtable.runtime.archive.ArchivedMove;
import io.roundtable.runtime.archive.MatchQuery;
import io.roundtable.runtime.archive.Matches;
import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.protocol.Problem;
import io.smallrye.mutiny.Uni;

/** Finished matches: history, one match, a step-by-step replay through anyone's eyes, player stats. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History")
public class MatchesResource {
    private final Matches matches;
    private final GameCatalog games;
    private final RoundtableConfig config;

    public MatchesResource(Matches matches, GameCatalog games, RoundtableConfig config) {
        this.matches = matches;
        this.games = games;
        this.config = config;
    }

    @GET
    @Path("/matches")
    @Operation(summary = "Finished matches, filtered by game, player name and date range (from/to), paginated")
    public Uni<Matches.Page> search(@QueryParam("game") String game, @QueryParam("player") String player,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        return matches.search(MatchQuery.parse(game, player, from, to, page, size, sort));
    }

    @GET
    @Path("/matches/{id}")
    @Operation(summary = "One finished match with its participants and its move log")
    public Uni<Detail> match(@PathParam("id") String id) {
        return matches.summary(id).chain(summary -> {
            if (summary == null) {
                return Uni.createFrom().failure(notFound());
            }
            return matches.moves(id).map(moves -> new Detail(summary, moves.stream().map(MatchesResource::move).toList()));
        });
    }

    /** A match and its moves. */
    public record Detail(Matches.Summary match, List<Move> moves) {
    }

    /** One step of a replay: the move that led here and what the chosen viewer saw (or everything). */
    public record ReplayStep(String match, int step, int steps, String viewer, Move move, JsonNode view) {
    }

    @GET
    @Path("/matches/{id}/replay")
    @Operation(summary = "The match after `step` moves, as seat N saw it (viewer=seat:N), as a spectator, or revealed")
    public Uni<ReplayStep> replay(@PathParam("id") String id, @QueryParam("step") Integer step,
            @QueryParam("viewer") String viewer) {
        return matches.find(id).chain(match -> {
            if (match == null) {
                return Uni.createFrom().failure(notFound());
            }
            return matches.moves(id).map(rows -> replay(match, rows, step, viewer));
        });
    }

    private ReplayStep replay(ArchivedMatch match, List<ArchivedMove> rows, Integer step, String viewer) {
        GameHost<?, ?, ?> game = games.find(match.game).orElseThrow(() -> new Problem(ErrorCode.ROOM_UNKNOWN_GAME,
                "This server no longer offers the game " + match.game + "."));
        int steps = rows.size();
        int at = step == null ? steps : step;
        if (at < 0 || at > steps) {
            throw new Problem(ErrorCode.REQUEST_INVALID, "step is between 0 and " + steps + ".");
        }
        List<Move> moves = rows.stream().map(MatchesResource::move).toList();
        JsonNode options = Json.read(match.options, JsonNode.class);
        JsonNode state = Replay.state(game, options, match.players, match.seed, moves, at);
        String who = viewer == null ? "spectator" : viewer;
        JsonNode view;
        if (who.equals("revealed")) {
            if (!config.archive().fullReveal()) {
                throw new Problem(ErrorCode.REQUEST_INVALID, "This server does not show fully revealed replays.");
            }
            view = state;
        } else if (who.equals("spectator")) {
            view = game.view(state, Viewer.SPECTATOR);
        } else if (who.matches("seat:[0-9]{1,2}") && Integer.parseInt(who.substring(5)) < match.players) {
            view = game.view(state, Viewer.seat(Integer.parseInt(who.substring(5))));
        } else {
            throw new Problem(ErrorCode.REQUEST_INVALID,
                    "viewer is seat:N (0 to " + (match.players - 1) + "), spectator or revealed.");
        }
        return new ReplayStep(match.id, at, steps, who, at == 0 ? null : moves.get(at - 1), view);
    }

    @GET
    @Path("/players/{name}/stats")
    @Operation(summary = "A player's record by display name: games and wins overall, per game, per side and per role")
    public Uni<Matches.Stats> stats(@PathParam("name") String name) {
        if (name == null || name.isBlank() || name.length() > 64) {
            return Uni.createFrom().failure(new Problem(ErrorCode.REQUEST_INVALID, "A player name has 1 to 64 characters."));
        }
        return matches.stats(name);
    }

    private static Move move(ArchivedMove row) {
        return new Move(row.idx, row.kind, row.seat, row.action == null ? null : Json.read(row.action, JsonNode.class),
                row.byWhom, row.at, row.version);
    }

    private static Problem notFound() {
        return new Problem(ErrorCode.REQUEST_NOT_FOUND.rejection("There is no archived match with that id."), null);
    }
}
