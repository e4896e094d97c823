package io.roundtable.core.room;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.Viewer;

/**
 * Rebuilds a game from its seed, options, player count and move log — exactly, because every move
 * gets the same seeded random source it had when it was played. What a viewer may learn of each move
 * comes from the rules ({@link io.roundtable.core.spi.GameRules#moveView}), never from the raw log.
 */
public final class Replay {
    private Replay() {
    }

    /** One step of a replay: the state after the move, and the move as the viewer may know it (null at step 0). */
    public record Seen(JsonNode state, Move move) {
    }

    /** The game state after the first {@code steps} moves of the log. */
    public static JsonNode state(GameAdapter<?, ?, ?> game, JsonNode options, int players, long seed, List<Move> moves,
            int steps) {
        return walk(game, options, players, seed, moves, steps, null, null);
    }

    /** The game after the first {@code steps} moves, and the last of them as {@code viewer} may know it. */
    public static Seen step(GameAdapter<?, ?, ?> game, JsonNode options, int players, long seed, List<Move> moves,
            int steps, Viewer viewer) {
        List<Move> seen = new ArrayList<>();
        JsonNode state = walk(game, options, players, seed, moves, steps, viewer, seen);
        return new Seen(state, steps == 0 ? null : seen.get(steps - 1));
    }

    /** The whole move log as {@code viewer} may know it. */
    public static List<Move> log(GameAdapter<?, ?, ?> game, JsonNode options, int players, long seed, List<Move> moves,
            Viewer viewer) {
        List<Move> seen = new ArrayList<>();
        walk(game, options, players, seed, moves, moves.size(), viewer, seen);
        return seen;
    }

    /** Applies the first {@code steps} moves; with a viewer, adds each move as it may know it to {@code seen}. */
    private static JsonNode walk(GameAdapter<?, ?, ?> game, JsonNode options, int players, long seed, List<Move> moves,
            int steps, Viewer viewer, List<Move> seen) {
        if (steps < 0 || steps > moves.size()) {
            throw new IllegalArgumentException("step " + steps + " is outside 0.." + moves.size());
        }
        JsonNode state = game.setup(players, options, GameRandom.seeded(seed));
        for (int i = 0; i < steps; i++) {
            Move move = moves.get(i);
            if (move.index() != i) {
                throw new IllegalArgumentException("move " + i + " is out of order (index " + move.index() + ")");
            }
            if (viewer != null) {
                seen.add(seenBy(game, state, move, viewer));
            }
            state = switch (move.kind()) {
                case Move.JOIN -> game.onJoin(state, move.seat());
                case Move.LEAVE -> game.onLeave(state, move.seat());
                default -> {
                    Decision<JsonNode> decision = game.apply(state, move.seat(), move.action(),
                            new Turn(move.at(), GameRandom.forStep(seed, i)));
                    if (decision instanceof Decision.Rejected<JsonNode> refused) {
                        throw new IllegalStateException("move " + i + " was rejected on replay: "
                                + refused.rejection().code());
                    }
                    yield ((Decision.Accepted<JsonNode>) decision).state();
                }
            };
        }
        return state;
    }

    /** A move as a viewer may know it: a seat's action through the rules' move view; joins and leaves as they are. */
    private static Move seenBy(GameAdapter<?, ?, ?> game, JsonNode before, Move move, Viewer viewer) {
        if (!Move.ACT.equals(move.kind())) {
            return move;
        }
        return move.withAction(game.moveView(before, move.seat(), move.action(), viewer));
    }
}
