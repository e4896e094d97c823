package io.roundtable.runtime.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.spi.Policy;

@Path("/api/games")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lobby")
public class GamesResource {
    private final GameCatalog games;

    public GamesResource(GameCatalog games) {
        this.games = games;
    }

    @GET
    @Operation(summary = "The room types (games) this server offers, with their default options")
    public List<Api.GameInfo> list() {
        return games.all().stream().map(game -> {
            var options = Json.tree(game.rules().defaultOptions());
            Policy policy = game.policy(options);
            return new Api.GameInfo(game.id(), game.rules().title(), policy.minPlayers(), policy.maxPlayers(),
                    policy.joinMode().name(), options);
        }).toList();
    }
}
