package io.roundtable.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a random-play run found. {@code leaks} and {@code violations} keep the first few examples;
 * the counts are exact.
 */
public record RandomPlayReport(int games, long moves, long leakCount, long violationCount, List<String> leaks,
        List<String> violations, Map<String, Long> outcomes) {

    private static final int EXAMPLES = 10;

    @Override
    public String toString() {
        return games + " games, " + moves + " moves, " + leakCount + " leaks, " + violationCount + " violations"
                + (leaks.isEmpty() ? "" : "\nleaks: " + String.join("\n  ", leaks))
                + (violations.isEmpty() ? "" : "\nviolations: " + String.join("\n  ", violations));
    }

    static final class Builder {
        private int games;
        private long moves;
        private long leakCount;
        private long violationCount;
        private final List<String> leaks = new ArrayList<>();
        private final List<String> violations = new ArrayList<>();
        private final Map<String, Long> outcomes = new TreeMap<>();

        void game(long movesPlayed) {
            games++;
            moves += movesPlayed;
        }

        void leaks(int game, List<Leak> found) {
            leakCount += found.size();
            for (Leak leak : found) {
                if (leaks.size() < EXAMPLES) {
                    leaks.add("game " + game + ": " + leak);
                }
            }
        }

        void violation(int game, String what) {
            violationCount++;
            if (violations.size() < EXAMPLES) {
                violations.add("game " + game + ": " + what);
            }
        }

        void outcome(String summary) {
            outcomes.merge(summary, 1L, Long::sum);
        }

        void merge(Builder other) {
            games += other.games;
            moves += other.moves;
            leakCount += other.leakCount;
            violationCount += other.violationCount;
            other.leaks.stream().limit(Math.max(0, EXAMPLES - leaks.size())).forEach(leaks::add);
            other.violations.stream().limit(Math.max(0, EXAMPLES - violations.size())).forEach(violations::add);
            other.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
        }

        RandomPlayReport build() {
            return new RandomPlayReport(games, moves, leakCount, violationCount, List.copyOf(leaks),
                    List.copyOf(violations), Map.copyOf(outcomes));
        }
    }
}
