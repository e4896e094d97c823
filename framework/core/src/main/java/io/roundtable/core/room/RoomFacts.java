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
 * @param bots      how many bots it was created with (a rematch is created with as many); 0 for a room
 *                  stored before this was recorded
 * @param follows   the room whose table this one plays again with (a rematch), or null
 */
public record RoomFacts(String game, JsonNode options, long seed, Instant createdAt, Integer bots, String follows) {

    public RoomFacts {
        bots = bots == null ? 0 : bots;
    }
}
