package io.roundtable.runtime.rest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.module.jsonSchema.JsonSchemaGenerator;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.spi.Policy;

@Path("/api/games")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lobby")
public class GamesResource {
    private final GameCatalog games;
    /** Whether each game brings its own browser component, asked of the classpath once per game. */
    private final Map<String, String> uis = new ConcurrentHashMap<>();
    /** The JSON Schema of each game's options, made once per game. */
    private final Map<String, JsonNode> schemas = new ConcurrentHashMap<>();

    public GamesResource(GameCatalog games) {
        this.games = games;
    }

    /** The options record's JSON Schema, as Jackson sees the type (the same mapper reads the options). */
    private static JsonNode schema(Class<?> options) {
        try {
            return Json.mapper().valueToTree(new JsonSchemaGenerator(Json.mapper()).generateSchema(options));
        } catch (JsonMappingException e) {
            throw new IllegalStateException("No JSON Schema for the options " + options.getName(), e);
        }
    }

    /**
     * A game's own browser component: {@code META-INF/resources/games/<id>/ui.js} in its jar, which
     * Quarkus serves at {@code /games/<id>/ui.js}. Empty when the game has none (the generic table serves).
     */
    private String ui(String game) {
        String found = uis.computeIfAbsent(game, id -> {
            String path = "games/" + id + "/ui.js";
            return Thread.currentThread().getContextClassLoader().getResource("META-INF/resources/" + path) != null
                    ? "/" + path
                    : "";
        });
        return found.isEmpty() ? null : found;
    }

    @GET
    @Operation(summary = "The room types (games) this server offers, with their default options")
    public List<Api.GameInfo> list() {
        return games.all().stream().map(game -> {
            var options = Json.tree(game.rules().defaultOptions());
            Policy policy = game.policy(options);
            return new Api.GameInfo(game.id(), game.rules().title(), policy.minPlayers(), policy.maxPlayers(),
                    policy.joinMode().name(), options,
                    schemas.computeIfAbsent(game.id(), id -> schema(game.rules().defaultOptions().getClass())), ui(game.id()),
                    game.rules().voice(), game.rules().seatFields());
        }).toList();
    }
}
