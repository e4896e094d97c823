package io.roundtable.runtime.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.room.Move;
import io.roundtable.runtime.archive.Eyes;
import io.roundtable.runtime.archive.MatchQuery;
import io.roundtable.runtime.archive.MatchViews;
import io.roundtable.runtime.archive.Matches;
import io.roundtable.runtime.archive.ReplayAccess;
import io.roundtable.runtime.protocol.Problem;
import io.smallrye.mutiny.Uni;

/**
 * Finished matches: history, one match, a step-by-step replay, player stats. A match and its replay are
 * seen through someone's eyes ({@link Eyes}): a spectator's unless the asker may use others ({@link ReplayAccess}).
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History")
public class MatchesResource {
    private final Matches matches;
    private final MatchViews views;
    private final ReplayAccess access;

    public MatchesResource(Matches matches, MatchViews views, ReplayAccess access) {
        this.matches = matches;
        this.views = views;
        this.access = access;
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
    @Operation(summary = "One finished match with its participants and its move log as the viewer may know it "
            + "(spectator by default; seat:N with that seat's token; revealed when the server allows it)")
    public Uni<Detail> match(@PathParam("id") String id, @QueryParam("viewer") String viewer,
            @HeaderParam("Authorization") String auth) {
        return matches.find(id).chain(match -> {
            if (match == null) {
                return Uni.createFrom().failure(notFound());
            }
            return access.allow(id, Eyes.parse(viewer, match.players), auth)
                    .chain(asker -> matches.summary(match)
                            .chain(summary -> matches.followedBy(id)
                                    .chain(next -> matches.moves(id)
                                            .map(rows -> new Detail(summary, views.log(match, rows, asker.eyes()),
                                                    asker.eyes().name(), asker.you(), access.fullReveal(), next)))));
        });
    }

    /**
     * A match and its moves as {@code viewer} may know them; {@code you} is the seat the request's token
     * played (null without one), {@code fullReveal} whether this server shows every seat and the whole state,
     * {@code followedBy} the archived match its table played next (its rematch), or null.
     */
    public record Detail(Matches.Summary match, List<Move> moves, String viewer, Integer you, boolean fullReveal,
            String followedBy) {
    }

    /** One step of a replay: the move that led here and what the chosen viewer saw (or everything). */
    public record ReplayStep(String match, int step, int steps, String viewer, Move move, JsonNode view) {
    }

    @GET
    @Path("/matches/{id}/replay")
    @Operation(summary = "The match after `step` moves as a spectator saw it, as seat N (viewer=seat:N, with that "
            + "seat's token), or revealed (when the server allows it)")
    public Uni<ReplayStep> replay(@PathParam("id") String id, @QueryParam("step") Integer step,
            @QueryParam("viewer") String viewer, @HeaderParam("Authorization") String auth) {
        return matches.find(id).chain(match -> {
            if (match == null) {
                return Uni.createFrom().failure(notFound());
            }
            return access.allow(id, Eyes.parse(viewer, match.players), auth)
                    .chain(asker -> matches.moves(id).map(rows -> {
                        MatchViews.Step seen = views.step(match, rows, step, asker.eyes());
                        return new ReplayStep(match.id, seen.step(), seen.steps(), asker.eyes().name(), seen.move(),
                                seen.view());
                    }));
        });
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

    private static Problem notFound() {
        return new Problem(ErrorCode.REQUEST_NOT_FOUND.rejection("There is no archived match with that id."), null);
    }
}
