package io.roundtable.archetype;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The generated project's Surefire reports: tests passed per class, and failures in all. */
record Reports(Map<String, Integer> passedByClass, int failedOrErrors) {
    private static final Pattern SUITE = Pattern.compile(
            "<testsuite[^>]*?\\bname=\"([^\"]+)\"[^>]*?\\btests=\"(\\d+)\"[^>]*?\\berrors=\"(\\d+)\"[^>]*?\\bskipped=\"(\\d+)\"[^>]*?\\bfailures=\"(\\d+)\"");

    static Reports of(Path directory) throws IOException {
        Map<String, Integer> passed = new HashMap<>();
        int bad = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                Matcher m = SUITE.matcher(Files.readString(file));
                if (!m.find()) {
                    throw new AssertionError("Not a Surefire report: " + file);
                }
                int tests = Integer.parseInt(m.group(2));
                int errors = Integer.parseInt(m.group(3));
                int skipped = Integer.parseInt(m.group(4));
                int failures = Integer.parseInt(m.group(5));
                passed.put(m.group(1), tests - errors - skipped - failures);
                bad += errors + failures;
            }
        }
        return new Reports(passed, bad);
    }

    int passed(String testClass) {
        return passedByClass.getOrDefault(testClass, 0);
    }
}
