package io.roundtable.core.spi;

import java.util.List;
import java.util.Map;

/**
 * How a game ended.
 *
 * @param winners   the winning seats (empty for an aborted game or a draw)
 * @param summary   one sentence, e.g. "Evil wins: Merlin was assassinated."
 * @param revealed  per seat, what the game reveals at the end (a role, a side), for history and replays
 */
public record Outcome(List<Integer> winners, String summary, Map<Integer, String> revealed) {
    public Outcome {
        winners = List.copyOf(winners);
        revealed = Map.copyOf(revealed);
    }

    public static Outcome aborted(String summary) {
        return new Outcome(List.of(), summary, Map.of());
    }
}
