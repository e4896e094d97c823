package io.roundtable.core.room;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Turn;

/**
 * Rebuilds a game from its seed, options, player count and move log — exactly, because every move
 * gets the same seeded random source it had when it was played.
 */
public final class Replay {
    private Replay() {
    }

    /** The game state after the first {@code steps} moves of the log. */
    public static JsonNode state(GameHost<?, ?, ?> host, JsonNode options, int players, long seed, List<Move> moves,
            int steps) {
        if (steps < 0 || steps > moves.size()) {
            throw new IllegalArgumentException("step " + steps + " is outside 0.." + moves.size());
        }
        JsonNode state = host.setup(players, options, GameRandom.seeded(seed));
        for (int i = 0; i < steps; i++) {
            Move move = moves.get(i);
            if (move.index() != i) {
                throw new IllegalArgumentException("move " + i + " is out of order (index " + move.index() + ")");
            }
            state = switch (move.kind()) {
                case Move.JOIN -> host.onJoin(state, move.seat());
                case Move.LEAVE -> host.onLeave(state, move.seat());
                default -> {
                    GameHost.Applied applied = host.apply(state, move.seat(), move.action(),
                            new Turn(move.at(), GameRandom.forStep(seed, i)));
                    if (!applied.accepted()) {
                        throw new IllegalStateException("move " + i + " was rejected on replay: "
                                + applied.rejection().code());
                    }
                    yield applied.state();
                }
            };
        }
        return state;
    }
}
