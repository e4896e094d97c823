package io.roundtable.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one scenario and puts its figures into the report. */
final class Runner {
    private Runner() {
    }

    static void run(Bench.Args args, Scenarios scenarios, Stats stats, Map<String, Object> report, List<Long> pids,
            java.util.function.Supplier<Map<String, Object>> serverMetrics) {
        int seconds = args.number("seconds", 30);
        switch (args.scenario) {
            case "idle" -> {
                int members = args.number("members", 1000);
                long start = System.nanoTime();
                List<Seat> seats = scenarios.idle(members, args.number("per-room", 12));
                Bench.log(seats.size() + " members connected; holding");
                report.put("setupSeconds", (System.nanoTime() - start) / 1e9);
                Window window = new Window();
                Cluster.sleep(seconds * 1000L);
                window.end(report);
                long open = seats.stream().filter(s -> s.socket != null && !s.socket.isClosed()).count();
                report.put("connectionsHeld", open);
                report.put("units", open);
                measureLoaded(report, pids, serverMetrics);
                report.put("closedByServer", stats.closed.sum());
                seats.forEach(Seat::close);
            }
            case "play" -> {
                int rooms = args.number("rooms", 100);
                double rate = args.decimal("rate", 1.0);
                String churn = args.values.getOrDefault("churn", "on");
                if (!churn.equals("on") && !churn.equals("off")) {
                    throw new IllegalArgumentException("--churn is on or off, not " + churn);
                }
                List<Scenarios.PlayingRoom> playing = scenarios.play(rooms, args.number("players", 5), rate,
                        churn.equals("on"));
                Bench.log(playing.size() + " rooms seated and ready; measuring");
                report.put("rooms", playing.size());
                report.put("players", playing.stream().mapToInt(r -> r.seats.size()).sum());
                report.put("units", playing.size());
                report.put("churn", churn.equals("on") ? "on: a finished game's table is replaced by a fresh one"
                        : "off: a finished game's room stays finished, and the load falls as games end");
                steady(args, stats, report, seconds, pids);
                report.put("roomsStillPlaying", playing.stream().filter(Scenarios.PlayingRoom::stillPlaying).count());
                report.put("gamesFinished", playing.stream().mapToLong(r -> r.games.get()).sum());
                report.put("reseatRetries", stats.reseatRetries.sum());
                measureLoaded(report, pids, serverMetrics);
                bytes(stats, report);
                playing.forEach(r -> r.seats.forEach(Seat::close));
            }
            case "chat" -> {
                List<List<Seat>> rooms = scenarios.chat(args.number("rooms", 100), args.number("per-room", 6),
                        args.decimal("rate", 1.0));
                report.put("rooms", rooms.size());
                report.put("units", rooms.size());
                steady(args, stats, report, seconds, pids);
                measureLoaded(report, pids, serverMetrics);
                rooms.forEach(r -> r.forEach(Seat::close));
            }
            case "churn" -> {
                Window window = new Window();
                long start = System.nanoTime();
                var archived = scenarios.churn(args.number("workers", 4), start + seconds * 1_000_000_000L);
                Cluster.sleep(seconds * 1000L + 2000);
                window.end(report);
                double elapsed = (System.nanoTime() - start) / 1e9;
                report.put("roomsArchived", archived.get());
                report.put("roomsArchivedPerSecond", archived.get() / elapsed);
                report.put("createToArchivedMs", stats.percentiles());
            }
            default -> throw new IllegalArgumentException("unknown scenario " + args.scenario
                    + " (idle, play, chat or churn)");
        }
        report.put("rejections", stats.rejectionCounts());
    }

    /** The nodes' CPU seconds so far by kind of thread, summed over the nodes. */
    private static Map<String, Double> threadKinds(List<Long> pids) {
        Map<String, Double> sum = new LinkedHashMap<>();
        pids.forEach(pid -> Probe.threadCpuSeconds(pid).forEach((kind, seconds) -> sum.merge(kind, seconds, Double::sum)));
        return sum;
    }

    /** Discards the warm-up, then counts applied commands and latency over {@code seconds}. */
    private static void steady(Bench.Args args, Stats stats, Map<String, Object> report, int seconds, List<Long> pids) {
        Cluster.sleep(args.number("warmup", 5) * 1000L);
        stats.latency.reset();
        stats.refusalLatency.reset();
        stats.tickLateness.reset();
        stats.rejections.clear();
        long before = stats.applied.sum();
        long refusedBefore = stats.refused.sum();
        double serverCpu = pids.stream().mapToDouble(Probe::cpuSeconds).sum();
        Map<String, Double> byKind = threadKinds(pids);
        double loadCpu = Probe.cpuSeconds(ProcessHandle.current().pid());
        Window window = new Window();
        long start = System.nanoTime();
        Cluster.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        window.end(report);
        report.put("appliedPerSecond", (stats.applied.sum() - before) / elapsed);
        report.put("latencyMs", stats.percentiles());
        report.put("refusedPerSecond", (stats.refused.sum() - refusedBefore) / elapsed);
        report.put("refusalLatencyMs", Stats.percentiles(stats.refusalLatency));
        if (stats.tickLateness.getTotalCount() > 0) {
            report.put("tickLatenessMs", Stats.percentiles(stats.tickLateness));
        }
        // Cores busy on average over the window: where the machine's two cores went.
        if (!pids.isEmpty()) {
            double cores = (pids.stream().mapToDouble(Probe::cpuSeconds).sum() - serverCpu) / elapsed;
            report.put("serverCoresBusy", cores);
            // Server CPU per applied action and per command answered (refusals included): all the server's
            // work in the window (pushes, pings, sweeps) charged to them, so this is an upper bound.
            double applied = (stats.applied.sum() - before) / elapsed;
            double commands = applied + (stats.refused.sum() - refusedBefore) / elapsed;
            report.put("serverCpuMicrosPerApplied", applied == 0 ? 0 : cores * 1e6 / applied);
            report.put("serverCpuMicrosPerCommand", commands == 0 ? 0 : cores * 1e6 / commands);
            // The same by kind of thread: the JIT compiler's share is a warm-up cost of each JVM (each node
            // compiles the same code), not work per action; a long-running node pays it once.
            Map<String, Object> perApplied = new LinkedHashMap<>();
            threadKinds(pids).forEach((kind, used) -> perApplied.put(kind,
                    applied == 0 ? 0 : (used - byKind.getOrDefault(kind, 0.0)) / elapsed * 1e6 / applied));
            report.put("serverCpuMicrosPerAppliedByThread", perApplied);
        }
        report.put("loadGeneratorCoresBusy", (Probe.cpuSeconds(ProcessHandle.current().pid()) - loadCpu) / elapsed);
    }

    /**
     * Bytes on the wire per kind of frame, and what deltas cost against snapshots: patches alone (the figure
     * of earlier reports) and patches with the {@code events} frames that follow them (what a change costs).
     */
    private static void bytes(Stats stats, Map<String, Object> report) {
        report.put("patches", stats.patches.sum());
        report.put("snapshots", stats.snapshots.sum());
        report.put("events", stats.events.sum());
        report.put("bytesPerPatch", stats.patches.sum() == 0 ? 0 : stats.patchBytes.sum() / stats.patches.sum());
        report.put("bytesPerSnapshot", stats.snapshots.sum() == 0 ? 0 : stats.snapshotBytes.sum() / stats.snapshots.sum());
        report.put("eventBytes", stats.eventBytes.sum());
        report.put("bytesPerEvents", stats.events.sum() == 0 ? 0 : stats.eventBytes.sum() / stats.events.sum());
        long sampledFrames = stats.sampledFrameBytes.sum();
        report.put("deltaToSnapshotRatio", ratio(stats.sampledPatchBytes.sum(), sampledFrames));
        report.put("deltaWithEventsToSnapshotRatio",
                ratio(stats.sampledPatchBytes.sum() + stats.sampledEventBytes.sum(), sampledFrames));
        // Over whole games only (a run stops its games part-way; early phases have smaller frames).
        long wholeGameFrames = stats.wholeGameFrameBytes.sum();
        report.put("wholeGames", stats.wholeGames.sum());
        report.put("deltaToSnapshotRatioWholeGames", ratio(stats.wholeGamePatchBytes.sum(), wholeGameFrames));
        report.put("deltaWithEventsToSnapshotRatioWholeGames",
                ratio(stats.wholeGamePatchBytes.sum() + stats.wholeGameEventBytes.sum(), wholeGameFrames));
    }

    private static double ratio(long bytes, long snapshotBytes) {
        return snapshotBytes == 0 ? 0 : (double) bytes / snapshotBytes;
    }

    /**
     * The measured interval: its wall-clock ends (the nodes' GC logs are cut by them) and the load generator's
     * own collections over it.
     */
    private static final class Window {
        private final Instant from = Instant.now();
        private final Map<String, long[]> gc = Gc.loadGeneratorNow();

        void end(Map<String, Object> report) {
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("from", from.toString());
            window.put("to", Instant.now().toString());
            report.put("measuredWindow", window);
            report.put("loadGeneratorGc", Gc.loadGeneratorSince(gc));
        }
    }

    /** Heap, RSS and the servers' own metrics while the load is still on (before the clients close). */
    private static void measureLoaded(Map<String, Object> report, List<Long> pids,
            java.util.function.Supplier<Map<String, Object>> serverMetrics) {
        report.put("serverMetrics", serverMetrics.get());
        if (!pids.isEmpty()) {
            report.put("heapLoaded", Bench.totalHeap(pids));
            report.put("rssLoaded", Bench.totalRss(pids));
        }
    }
}
