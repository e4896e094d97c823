package io.roundtable.core.spi;

import java.util.List;
import java.util.Map;

/**
 * How a game ended.
 *
 * @param winners   the winning seats (empty for an aborted game or a draw)
 * @param summary   one sentence, e.g. "Evil wins: Merlin was assassinated."
 * @param revealed  per seat, what the game reveals at the end (e.g. the role), for history and stats
 * @param sides     per seat, the side or team it played for, where the game has sides (for stats)
 */
public record Outcome(List<Integer> winners, String summary, Map<Integer, String> revealed, Map<Integer, String> sides) {
    public Outcome {
        winners = List.copyOf(winners);
        revealed = Map.copyOf(revealed);
        sides = sides == null ? Map.of() : Map.copyOf(sides);
    }

    public Outcome(List<Integer> winners, String summary, Map<Integer, String> revealed) {
        this(winners, summary, revealed, Map.of());
    }

    public static Outcome aborted(String summary) {
        return new Outcome(List.of(), summary, Map.of(), Map.of());
    }
}
