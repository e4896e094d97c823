package io.roundtable.core.room;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a room is, fixed when it is created.
 *
 * @param game      the game's id
 * @param options   the game's options, validated and normalised
 * @param seed      the match seed: with the move log it replays the game exactly
 * @param createdAt when the room was created
 */
public record RoomFacts(String game, JsonNode options, long seed, Instant createdAt) {
}
