package io.roundtable.games.avalon;

import java.util.List;
import java.util.Map;

/** The table by player count: how many are good and evil, and how large each quest's team is. */
public record Counts(int good, int evil, List<Integer> questSizes) {
    public static final int MIN_PLAYERS = 5;
    public static final int MAX_PLAYERS = 10;
    public static final int QUESTS = 5;
    /** The quest that needs two Fail cards to fail, with {@link #TWO_FAIL_FROM} players or more. */
    public static final int TWO_FAIL_QUEST = 4;
    public static final int TWO_FAIL_FROM = 7;
    /** Rejected proposals in a row within one round that hand evil the game. */
    public static final int MAX_REJECTIONS = 5;

    private static final Map<Integer, Counts> TABLE = Map.of(
            5, new Counts(3, 2, List.of(2, 3, 2, 3, 3)),
            6, new Counts(4, 2, List.of(2, 3, 4, 3, 4)),
            7, new Counts(4, 3, List.of(2, 3, 3, 4, 4)),
            8, new Counts(5, 3, List.of(3, 4, 4, 5, 5)),
            9, new Counts(6, 3, List.of(3, 4, 4, 5, 5)),
            10, new Counts(6, 4, List.of(3, 4, 4, 5, 5)));

    public static boolean supports(int players) {
        return TABLE.containsKey(players);
    }

    public static Counts of(int players) {
        Counts counts = TABLE.get(players);
        if (counts == null) {
            throw new IllegalArgumentException("Avalon is played by 5 to 10 players, not " + players);
        }
        return counts;
    }

    public int players() {
        return good + evil;
    }

    /** Team size of quest {@code quest} (1…5). */
    public int teamSize(int quest) {
        return questSizes.get(quest - 1);
    }

    /** Fail cards that make quest {@code quest} fail. */
    public int failsNeeded(int quest) {
        return quest == TWO_FAIL_QUEST && players() >= TWO_FAIL_FROM ? 2 : 1;
    }
}
