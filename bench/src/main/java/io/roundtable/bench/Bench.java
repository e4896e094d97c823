package io.roundtable.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.roundtable.core.json.Json;

/**
 * The harness's one command. Examples (from the repository root):
 * <pre>
 * bench/run.sh idle  --members 20000
 * bench/run.sh play  --rooms 2000 --players 7 --rate 1 --seconds 60
 * bench/run.sh play  --rooms 600 --rate 4 --nodes 2
 * bench/run.sh play  --rooms 500 --rate 1 --nodes 3 --redis-cluster 3 --route room
 *                    (a Redis Cluster of 3 masters; every seat of a room on its room's node, default: --route seat)
 * bench/run.sh play  --rooms 300 --rate 10 --churn off  (finished games are not replaced)
 * bench/run.sh play  --rooms 300 --rate 10 --protocol 2  (clients on socket protocol 2; default 1)
 * bench/run.sh chat  --rooms 200 --rate 2
 * bench/run.sh churn --workers 8 --seconds 60
 * bench/run.sh play  --target http://127.0.0.1:8080     (a running app; no server probes)
 * </pre>
 * Without {@code --target} it starts a real Redis (or Redis Cluster), PostgreSQL and {@code --nodes} app nodes itself.
 * Output: a JSON report and a Markdown table in bench/reports/, and on stdout.
 */
public final class Bench {
    /** A run's name is its scenario and its start (UTC): its report and its nodes' GC logs are named by it. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(java.time.ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        Map<String, Object> report = run(Args.parse(args));
        System.exit(((Number) report.getOrDefault("errors", 0L)).longValue() == 0 ? 0 : 1);
    }

    public static Map<String, Object> run(Args args) throws Exception {
        if (args.scenario.equals("serve")) {
            serve(args);
            return Map.of("errors", 0L);
        }
        String name = args.scenario + "-" + STAMP.format(Instant.now());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("scenario", args.scenario);
        report.put("started", Instant.now().toString());
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "java", System.getProperty("java.version")));
        report.put("parameters", args.values);
        report.put("nodeJvmOptions", args.jvm);
        log("starting " + (args.target == null ? args.nodes + " node(s) with Redis and PostgreSQL" : "against " + args.target));
        Cluster cluster = args.target == null
                ? Cluster.start(args.app, args.nodes, args.redisMasters, args.heap, args.settings, args.jvm, gcLog(args, name)) : null;
        List<String> bases = cluster == null ? List.of(args.target.split(",")) : cluster.bases;
        if (cluster != null) {
            report.put("appSettings", cluster.settings);
            report.put("nodeHeap", args.heap);
            log("measuring the Redis SET rate");
            report.put("redisSetRate", RedisSetRateHolder.measure(cluster, args));
        }
        Stats stats = new Stats();
        try (Load load = new Load(args.eventLoops)) {
            Scenarios scenarios = new Scenarios(load, bases, stats, args.number("protocol", 1),
                    "room".equals(args.values.getOrDefault("route", "seat")));
            List<Long> pids = pids(cluster, args);
            long heapBefore = pids.isEmpty() ? -1 : totalHeap(pids);
            long rssBefore = pids.isEmpty() ? -1 : totalRss(pids);
            log("running " + args.scenario);
            Runner.run(args, scenarios, stats, report, pids, () -> serverMetrics(load, bases));
            if (!report.containsKey("serverMetrics")) {
                log("measuring the servers");
                report.put("serverMetrics", serverMetrics(load, bases));
            }
            if (!pids.isEmpty()) {
                // Measured with the load on where the scenario did (a probe now would force one more full GC).
                long heapAfter = report.containsKey("heapLoaded") ? (long) report.get("heapLoaded") : totalHeap(pids);
                long rssAfter = report.containsKey("rssLoaded") ? (long) report.get("rssLoaded") : totalRss(pids);
                report.put("serverHeapBefore", heapBefore);
                report.put("serverHeapLoaded", heapAfter);
                report.put("serverRssBefore", rssBefore);
                report.put("serverRssLoaded", rssAfter);
                long units = ((Number) report.getOrDefault("units", 0)).longValue();
                if (units > 0) {
                    if (heapBefore >= 0 && heapAfter >= 0) {
                        report.put("heapPerUnitBytes", (heapAfter - heapBefore) / units);
                    }
                    report.put("rssPerUnitBytes", (rssAfter - rssBefore) / units);
                }
            }
            if (cluster != null) {
                report.put("redis", Probe.redisInfo(cluster.redisPorts));
                report.put("redisCommandStats", Probe.redisCommandStats(cluster.redisPorts));
            }
        } finally {
            log("stopping");
            if (cluster != null) {
                cluster.close();
            }
        }
        report.put("nodeGc", nodeGc(cluster, report));
        report.put("errors", stats.errors.sum());
        write(report, args, name);
        return report;
    }

    /** Where node {@code i} of run {@code name} logs its GC: next to the run's report. */
    static IntFunction<Path> gcLog(Args args, String name) {
        return i -> args.reports.resolve(name + "-node" + i + "-gc.log");
    }

    /**
     * Each node's collections and pauses, from the GC log it wrote (read after the nodes have stopped), over the
     * measured window and over its whole life.
     */
    static Object nodeGc(Cluster cluster, Map<String, Object> report) {
        if (cluster == null) {
            return "not logged: this run did not start the nodes (--target)";
        }
        Map<?, ?> window = (Map<?, ?>) report.get("measuredWindow");
        Instant from = Instant.parse((String) window.get("from"));
        Instant to = Instant.parse((String) window.get("to"));
        List<Object> nodes = new ArrayList<>();
        for (int i = 0; i < cluster.gcLogs.size(); i++) {
            Path log = cluster.gcLogs.get(i);
            nodes.add(log == null ? "node " + i + ": a --jvm option logs its GC to stdout or stderr (not read)"
                    : Gc.node(i, log, from, to));
        }
        return nodes;
    }

    /**
     * Starts Redis, PostgreSQL and the nodes, prints their addresses and pids, and keeps them up until
     * this process is stopped — for runs that need several load-generator processes (each process may
     * hold only as many sockets as its open-file limit allows).
     */
    static void serve(Args args) throws Exception {
        String name = "serve-" + STAMP.format(Instant.now());
        try (Cluster cluster = Cluster.start(args.app, args.nodes, args.redisMasters, args.heap, args.settings, args.jvm,
                gcLog(args, name))) {
            for (int i = 0; i < cluster.nodes.size(); i++) {
                System.out.println("node " + cluster.bases.get(i) + " pid " + cluster.pid(i)
                        + (cluster.gcLogs.get(i) == null ? "" : " gc log " + cluster.gcLogs.get(i)));
            }
            cluster.redisPorts.forEach(port -> System.out.println("redis 127.0.0.1:" + port));
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Progress on stderr, so a long run shows where it is. */
    static void log(String what) {
        System.err.printf("[bench %tT] %s%n", new java.util.Date(), what);
    }

    /** The server's own view: command latency quantiles and counts, from each node's Prometheus endpoint. */
    static Map<String, Object> serverMetrics(Load load, List<String> bases) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String base : bases) {
            try {
                for (String line : load.text(base, "/q/metrics").split("\n")) {
                    if (line.startsWith("roundtable_command_latency_seconds{") || line.startsWith("roundtable_connections ")
                            || line.startsWith("roundtable_rooms_live ")) {
                        int space = line.lastIndexOf(' ');
                        metrics.put(base + " " + line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                    }
                }
            } catch (RuntimeException e) {
                metrics.put(base, "unreadable: " + e.getMessage());
            }
        }
        return metrics;
    }

    /** The app processes to probe: the ones this run started, or those named by --pid (comma-separated). */
    static List<Long> pids(Cluster cluster, Args args) {
        List<Long> pids = new ArrayList<>();
        if (cluster != null) {
            for (int i = 0; i < cluster.nodes.size(); i++) {
                pids.add(cluster.pid(i));
            }
        } else if (args.values.containsKey("pid")) {
            for (String pid : args.values.get("pid").split(",")) {
                pids.add(Long.parseLong(pid.trim()));
            }
        }
        return pids;
    }

    /** The nodes' live heap after GC, summed; -1 if any node's could not be read. */
    static long totalHeap(List<Long> pids) {
        long[] heaps = pids.stream().mapToLong(Probe::heapAfterGc).toArray();
        return java.util.Arrays.stream(heaps).anyMatch(h -> h < 0) ? -1 : java.util.Arrays.stream(heaps).sum();
    }

    static long totalRss(List<Long> pids) {
        return pids.stream().mapToLong(Probe::rss).sum();
    }

    private static void write(Map<String, Object> report, Args args, String name) throws Exception {
        Path dir = args.reports;
        Files.createDirectories(dir);
        String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
        Files.writeString(dir.resolve(name + ".json"), json);
        String markdown = markdown(report);
        Files.writeString(dir.resolve(name + ".md"), markdown);
        System.out.println(json);
        System.out.println(markdown);
    }

    static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("| figure | value |\n|---|---|\n");
        List<String> skip = List.of("appSettings", "machine", "parameters", "redis");
        for (Map.Entry<String, Object> e : report.entrySet()) {
            if (!skip.contains(e.getKey())) {
                md.append("| ").append(e.getKey()).append(" | ").append(Json.write(e.getValue()).replace("|", "/"))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** The SET rate of the very Redis the app uses, measured in the same run, before the load. */
    static final class RedisSetRateHolder {
        private RedisSetRateHolder() {
        }

        static double measure(Cluster cluster, Args args) {
            try (Load load = new Load(2)) {
                return Math.round(RedisSetRate.measure(load.vertx, cluster.redisPorts.size() == 1 ? cluster.redisPorts.get(0)
                        : BenchRedisCluster.masterOf(cluster.redisPorts, RedisSetRate.KEY), 50, args.redisSeconds));
            }
        }
    }

    /** Command-line arguments with their defaults. */
    public static final class Args {
        String scenario = "play";
        String target;
        int nodes = 1;
        /** 0: one plain Redis; N: a Redis Cluster of N masters. */
        int redisMasters;
        String heap = "1g";
        int eventLoops = 2;
        int redisSeconds = 5;
        Path app = Path.of("web-demo/target/quarkus-app/quarkus-run.jar");
        Path reports = Path.of("bench/reports");
        Map<String, String> settings = new LinkedHashMap<>();
        final List<String> jvm = new ArrayList<>();
        final Map<String, String> values = new LinkedHashMap<>();

        public static Args parse(String... argv) {
            Args a = new Args();
            List<String> list = new ArrayList<>(List.of(argv));
            if (!list.isEmpty() && !list.get(0).startsWith("--")) {
                a.scenario = list.remove(0);
            }
            for (int i = 0; i + 1 < list.size(); i += 2) {
                String key = list.get(i).replaceFirst("^--", "");
                String value = list.get(i + 1);
                switch (key) {
                    case "target" -> a.target = value;
                    case "nodes" -> a.nodes = Integer.parseInt(value);
                    case "redis-cluster" -> a.redisMasters = Integer.parseInt(value);
                    case "heap" -> a.heap = value;
                    case "event-loops" -> a.eventLoops = Integer.parseInt(value);
                    case "redis-seconds" -> a.redisSeconds = Integer.parseInt(value);
                    case "app" -> a.app = Path.of(value);
                    case "reports" -> a.reports = Path.of(value);
                    case "jvm" -> a.jvm.add(value);
                    case "set" -> {
                        int eq = value.indexOf('=');
                        a.settings.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                    default -> a.values.put(key, value);
                }
            }
            a.values.put("nodes", Integer.toString(a.nodes));
            a.values.put("redisClusterMasters", Integer.toString(a.redisMasters));
            return a;
        }

        int number(String key, int fallback) {
            return Integer.parseInt(values.getOrDefault(key, Integer.toString(fallback)));
        }

        double decimal(String key, double fallback) {
            return Double.parseDouble(values.getOrDefault(key, Double.toString(fallback)));
        }
    }
}
