package io.roundtable.archetype;

import java.util.List;
import java.util.regex.Pattern;

/** What a line of the dev-mode console says: Maven's own lines and the application's log lines. */
final class Console {
    /** Maven's {@code [WARNING]}/{@code [ERROR]}, or a Quarkus log line at WARN, ERROR or FATAL. */
    private static final Pattern WARNS_OR_FAILS = Pattern.compile(
            "^\\[(WARNING|ERROR)\\].*|^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d+ +(WARN|ERROR|FATAL) .*");

    /**
     * Lines we cannot make go away, each with why. None today: every warning a start, a game and a stop
     * printed was ours to fix (issue 19).
     */
    private static final List<Pattern> ALLOWED = List.of();

    private Console() {
    }

    static boolean warnsOrFails(String line) {
        return WARNS_OR_FAILS.matcher(line).matches();
    }

    static boolean allowed(String line) {
        return ALLOWED.stream().anyMatch(p -> p.matcher(line).find());
    }
}
