package io.roundtable.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the server's heap and RSS and Redis's own counters, from outside the app. */
final class Probe {
    private Probe() {
    }

    /**
     * Live heap bytes, whatever the collector (via jcmd on a node this harness started); -1 if unreadable.
     * {@code GC.class_histogram} counts live objects only and ends with {@code Total <instances> <bytes>}: G1
     * runs a full GC first (its log shows {@code Pause Full (Heap Inspection Initiated GC)}); ZGC cannot collect
     * from the VM thread and instead walks only the reachable objects. ({@code GC.heap_info}, read before, differs
     * by collector: G1 says {@code used 123456K}, ZGC {@code used 28M, capacity 1024M}.)
     */
    static long heapAfterGc(long pid) {
        String out = run("jcmd", Long.toString(pid), "GC.class_histogram");
        for (String line : out.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3 && fields[0].equals("Total")) {
                try {
                    return Long.parseLong(fields[2]);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Resident set size in bytes, from /proc. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU seconds a process's threads have used so far, by kind of thread: {@code jit} (the JIT compiler),
     * {@code gc} (the collector's threads), {@code app} (every other: event loops, workers, the sweeper),
     * from /proc/pid/task. A thread that ended meanwhile is not counted, so the kinds may add up to a bit
     * less than {@link #cpuSeconds}.
     */
    static Map<String, Double> threadCpuSeconds(long pid) {
        Map<String, Double> byKind = new LinkedHashMap<>(Map.of("app", 0.0, "jit", 0.0, "gc", 0.0));
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    String kind = name.contains("CompilerThre") ? "jit"
                            : name.startsWith("GC Thread") || name.startsWith("G1 ") ? "gc" : "app";
                    byKind.merge(kind, seconds, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byKind;
    }

    /** CPU time (user + system) a process has used so far, in seconds, from /proc; -1 if unreadable. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state(0) ... utime(11) stime(12), in clock ticks (100 per second on Linux)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A few fields of Redis INFO: of the one Redis, or of each master of a cluster by its port. */
    static Map<String, ?> redisInfo(List<Integer> ports) {
        if (ports.size() == 1) {
            return redisInfo(ports.get(0));
        }
        Map<String, Object> each = new LinkedHashMap<>();
        ports.forEach(port -> each.put(Integer.toString(port), redisInfo(port)));
        return each;
    }

    /** Every master's command statistics summed: calls added, time per call weighted by calls. */
    static Map<String, Map<String, Number>> redisCommandStats(List<Integer> ports) {
        Map<String, Map<String, Number>> sum = new LinkedHashMap<>();
        for (int port : ports) {
            redisCommandStats(port).forEach((command, figures) -> sum.merge(command, figures, (a, b) -> {
                long calls = a.get("calls").longValue() + b.get("calls").longValue();
                double micros = a.get("calls").longValue() * a.get("usecPerCall").doubleValue()
                        + b.get("calls").longValue() * b.get("usecPerCall").doubleValue();
                Map<String, Number> merged = new LinkedHashMap<>();
                merged.put("calls", calls);
                merged.put("usecPerCall", calls == 0 ? 0 : Math.round(micros / calls * 100) / 100.0);
                return merged;
            }));
        }
        return sum;
    }

    static Map<String, String> redisInfo(int port) {
        Map<String, String> info = new LinkedHashMap<>();
        String text = redis(port, "INFO");
        for (String line : text.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon);
                if (key.equals("used_memory") || key.equals("total_commands_processed") || key.equals("db0")
                        || key.equals("instantaneous_ops_per_sec") || key.equals("redis_version")
                        || key.equals("connected_clients") || key.equals("used_cpu_sys")
                        || key.equals("used_cpu_user")) {
                    info.put(key, line.substring(colon + 1));
                }
            }
        }
        return info;
    }

    /**
     * Redis's own time per command over the whole run ({@code INFO commandstats}): for each command its
     * calls and microseconds per call, e.g. {@code evalsha} for the commits. Redis counts the time it
     * spends executing, not the time on the wire.
     */
    static Map<String, Map<String, Number>> redisCommandStats(int port) {
        Map<String, Map<String, Number>> stats = new LinkedHashMap<>();
        for (String line : redis(port, "INFO commandstats").split("\r\n")) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String command = line.substring("cmdstat_".length(), line.indexOf(':'));
            Map<String, Number> figures = new LinkedHashMap<>();
            for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
                String[] pair = field.split("=");
                if (pair[0].equals("calls")) {
                    figures.put("calls", Long.parseLong(pair[1]));
                } else if (pair[0].equals("usec_per_call")) {
                    figures.put("usecPerCall", Double.parseDouble(pair[1]));
                }
            }
            stats.put(command, figures);
        }
        return stats;
    }

    /** One inline command over RESP; returns the raw reply. */
    static String redis(int port, String command) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1 << 16];
            StringBuilder reply = new StringBuilder();
            socket.setSoTimeout(2000);
            int n = in.read(buffer);
            reply.append(new String(buffer, 0, Math.max(0, n), StandardCharsets.UTF_8));
            if (reply.charAt(0) == '$') {
                int length = Integer.parseInt(reply.substring(1, reply.indexOf("\r\n")));
                while (reply.length() < length + reply.indexOf("\r\n") + 2 && (n = in.read(buffer)) > 0) {
                    reply.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            }
            return reply.toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
