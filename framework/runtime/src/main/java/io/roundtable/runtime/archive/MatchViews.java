package io.roundtable.runtime.archive;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.json.Json;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Replay;
import io.roundtable.runtime.protocol.Problem;

/**
 * A finished match as one pair of eyes may know it: its move log and each step of its replay. Moves go
 * through the rules' move views ({@link Replay#log}, {@link Replay#step}); the raw log, like the whole
 * state, is only ever shown to {@link Eyes#REVEALED}.
 */
@ApplicationScoped
public class MatchViews {
    private final GameCatalog games;

    public MatchViews(GameCatalog games) {
        this.games = games;
    }

    /** One step: the move that led here as the eyes may know it (null at step 0), and what they see now. */
    public record Step(int step, int steps, Move move, JsonNode view) {
    }

    /** The whole move log, each move as {@code eyes} may know it. */
    public List<Move> log(ArchivedMatch match, List<ArchivedMove> rows, Eyes eyes) {
        List<Move> moves = moves(rows);
        if (eyes.revealed()) {
            return moves;
        }
        return Replay.log(game(match), options(match), match.players, match.seed, moves, eyes.viewer());
    }

    /** The match after {@code step} moves (all of them when null), through {@code eyes}. */
    public Step step(ArchivedMatch match, List<ArchivedMove> rows, Integer step, Eyes eyes) {
        GameAdapter<?, ?, ?> game = game(match);
        int steps = rows.size();
        int at = step == null ? steps : step;
        if (at < 0 || at > steps) {
            throw new Problem(ErrorCode.REQUEST_INVALID, "step is between 0 and " + steps + ".");
        }
        List<Move> moves = moves(rows);
        if (eyes.revealed()) {
            JsonNode state = Replay.state(game, options(match), match.players, match.seed, moves, at);
            return new Step(at, steps, at == 0 ? null : moves.get(at - 1), state);
        }
        Replay.Seen seen = Replay.step(game, options(match), match.players, match.seed, moves, at, eyes.viewer());
        return new Step(at, steps, seen.move(), game.view(seen.state(), eyes.viewer()));
    }

    /** Without the rules nobody can tell what a viewer may learn of a move, so nothing is shown. */
    private GameAdapter<?, ?, ?> game(ArchivedMatch match) {
        return games.find(match.game).orElseThrow(() -> new Problem(ErrorCode.ROOM_UNKNOWN_GAME,
                "This server no longer offers the game " + match.game + "."));
    }

    private static JsonNode options(ArchivedMatch match) {
        return Json.read(match.options, JsonNode.class);
    }

    private static List<Move> moves(List<ArchivedMove> rows) {
        return rows.stream().map(row -> new Move(row.idx, row.kind, row.seat,
                row.action == null ? null : Json.read(row.action, JsonNode.class), row.byWhom, row.at, row.version)).toList();
    }
}
