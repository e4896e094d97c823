package io.roundtable.demo.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The figures a fault test measured: printed, and appended to {@code target/reliability-figures.txt}
 * (what docs/reliability.md quotes).
 */
final class Figures {
    static final Path FILE = Path.of("target", "reliability-figures.txt");

    private Figures() {
    }

    static void report(String test, String line) {
        String entry = Instant.now() + " " + test + ": " + line;
        System.out.println("[figures] " + entry);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, entry + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code p}-th percentile (0–100) of the values, nearest rank. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** A size from a system property ({@code -Draces.count=10000}), else the CI default. */
    static int size(String property, int ciDefault) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? ciDefault : Integer.parseInt(value.trim());
    }
}
