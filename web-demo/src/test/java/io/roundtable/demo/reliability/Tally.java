package io.roundtable.demo.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of fuzz outcomes by name, and the inputs that failed (with what reproduces them). */
final class Tally {
    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    synchronized void count(String outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    synchronized void fail(String what) {
        count("FAILED");
        if (failures.size() < 20) {
            failures.add(what);
        }
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    synchronized int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    @Override
    public synchronized String toString() {
        StringBuilder text = new StringBuilder();
        counts.forEach((k, v) -> text.append(String.format("%n  %-36s %6d", k, v)));
        return text.toString();
    }
}
