package io.roundtable.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Garbage collection on both sides of a run. Each node writes a GC log ({@code -Xlog:gc}), read here
 * whatever the collector: it names its collector on its first line, every collection has an id
 * ({@code GC(12)}), and a pause is a line {@code Pause … 12.345ms} (G1, Parallel, Serial, Shenandoah; ZGC
 * writes its pauses only under {@code gc+phases}, its {@code gc} lines say {@code Garbage Collection (…)}
 * without a time). The load generator's own collections come from its MXBeans.
 */
final class Gc {
    /** What the harness asks each node to log: the {@code gc} tag, each line stamped with the wall clock. */
    static final String DECORATIONS = "utctime,uptime,level,tags";
    private static final Pattern DECORATION = Pattern.compile("^(\\[[^\\]]*\\])+\\s*");
    private static final Pattern TIME = Pattern.compile(
            "\\[(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4})\\]");
    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern ID = Pattern.compile("^GC\\((\\d+)\\)\\s*");
    private static final Pattern MILLIS = Pattern.compile("(\\d+(?:\\.\\d+)?)ms$");

    private Gc() {
    }

    /** The option that makes a node log its GC to {@code file}. */
    static String logOption(Path file) {
        return "-Xlog:gc:file=\"" + file.toAbsolutePath() + "\":" + DECORATIONS;
    }

    /** Whether a JVM option already logs GC (an {@code -Xlog} whose selection names the {@code gc} tag). */
    static boolean logsGc(String option) {
        if (!option.startsWith("-Xlog:")) {
            return false;
        }
        for (String selector : option.substring("-Xlog:".length()).split(":", 2)[0].split(",")) {
            if (List.of(selector.split("=", 2)[0].split("[+*]")).contains("gc")) {
                return true;
            }
        }
        return false;
    }

    /** The file a GC-logging option writes to ({@code file=…}), or null when it writes to stdout or stderr. */
    static Path logFile(String option) {
        for (String part : option.substring("-Xlog:".length()).split(":(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (part.startsWith("file=")) {
                return Path.of(part.substring("file=".length()).replace("\"", ""));
            }
        }
        return null;
    }

    /**
     * One node's GC log: the collector it names, and its collections and pauses in the measured window
     * ({@code from}–{@code to}, by the lines' wall-clock stamps) and over the node's whole life, which also
     * holds start-up, seating and the collections the heap probes force.
     */
    static Map<String, Object> node(int index, Path log, Instant from, Instant to) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("node", index);
        node.put("log", log.toString());
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            node.put("unreadable", e.toString());
            return node;
        }
        String collector = "not named in the log";
        Tally measured = new Tally();
        Tally whole = new Tally();
        boolean stamped = false;
        for (String line : lines) {
            String message = DECORATION.matcher(line).replaceFirst("");
            if (message.startsWith("Using ")) {
                collector = message.substring("Using ".length());
            }
            whole.add(message);
            Matcher time = TIME.matcher(line);
            if (time.find()) {
                stamped = true;
                Instant at = TIME_FORMAT.parse(time.group(1), Instant::from);
                if (!at.isBefore(from) && !at.isAfter(to)) {
                    measured.add(message);
                }
            }
        }
        node.put("collector", collector);
        node.put("measured", stamped ? measured.figures() : "the log's lines carry no wall-clock time");
        node.put("wholeRun", whole.figures());
        return node;
    }

    /** Collections (distinct GC ids) and pauses with their times, counted from a log's messages. */
    private static final class Tally {
        private final Set<String> ids = new HashSet<>();
        private long pauses;
        private double pauseMs;
        private double maxPauseMs;

        void add(String message) {
            Matcher id = ID.matcher(message);
            if (!id.find()) {
                return;
            }
            ids.add(id.group(1));
            // Generational ZGC says which generation first ("Y: Pause Mark Start …").
            String what = message.substring(id.end()).replaceFirst("^[YO]: ", "");
            Matcher millis = MILLIS.matcher(what);
            // "Pause … 12.345ms" ends a pause; a start line (gc+start) has no time and is not counted twice.
            if (what.startsWith("Pause") && millis.find()) {
                double ms = Double.parseDouble(millis.group(1));
                pauses++;
                pauseMs += ms;
                maxPauseMs = Math.max(maxPauseMs, ms);
            }
        }

        Map<String, Object> figures() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("collections", ids.size());
            f.put("pauses", pauses);
            f.put("pauseMsTotal", Math.round(pauseMs * 1000) / 1000.0);
            f.put("pauseMsMax", maxPauseMs);
            if (pauses == 0 && !ids.isEmpty()) {
                f.put("note", "collections without pause lines: this collector logs no pause times under the gc tag"
                        + " alone (ZGC: -Xlog:gc+phases)");
            }
            return f;
        }
    }

    /** The load generator's collectors now: name → {collections, milliseconds}. */
    static Map<String, long[]> loadGeneratorNow() {
        Map<String, long[]> now = new LinkedHashMap<>();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            now.put(bean.getName(), new long[] { bean.getCollectionCount(), bean.getCollectionTime() });
        }
        return now;
    }

    /** Each of the load generator's collectors since {@code before}: collections and their time as it reports it. */
    static Map<String, Object> loadGeneratorSince(Map<String, long[]> before) {
        Map<String, Object> since = new LinkedHashMap<>();
        loadGeneratorNow().forEach((name, now) -> {
            long[] then = before.getOrDefault(name, new long[2]);
            Map<String, Long> delta = new LinkedHashMap<>();
            delta.put("collections", now[0] - then[0]);
            delta.put("timeMs", now[1] - then[1]);
            since.put(name, delta);
        });
        return since;
    }
}
