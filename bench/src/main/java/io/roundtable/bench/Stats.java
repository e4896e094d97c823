package io.roundtable.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Counters and latency histograms, shared by every client of a run. */
final class Stats {
    /** Applied actions (or delivered messages): from the start of each until every member holds it. */
    final Histogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
    /** Refused actions: from the same start until the refusal's reply arrived. */
    final Histogram refusalLatency = new ConcurrentHistogram(3_600_000_000L, 3);
    /** How late the load generator's timers fired against their intended times: its own stalls. */
    final Histogram tickLateness = new ConcurrentHistogram(3_600_000_000L, 3);
    final LongAdder applied = new LongAdder();
    /** Commands the server answered with a refusal ({@code ok: false}). */
    final LongAdder refused = new LongAdder();
    final LongAdder snapshots = new LongAdder();
    final LongAdder patches = new LongAdder();
    final LongAdder snapshotBytes = new LongAdder();
    final LongAdder patchBytes = new LongAdder();
    /** {@code events} frames: the game's public events, pushed to every socket after the patch of a change. */
    final LongAdder events = new LongAdder();
    final LongAdder eventBytes = new LongAdder();
    /**
     * One patch in this many is also written out whole, to compare its size with a snapshot's; the
     * {@code events} frame of a sampled patch's version is sampled with it.
     */
    static final int SAMPLE_EVERY = 16;
    final LongAdder sampledPatchBytes = new LongAdder();
    final LongAdder sampledEventBytes = new LongAdder();
    final LongAdder sampledFrameBytes = new LongAdder();
    /** The same, only for games played from their first move to their end during the run. */
    final LongAdder wholeGamePatchBytes = new LongAdder();
    final LongAdder wholeGameEventBytes = new LongAdder();
    final LongAdder wholeGameFrameBytes = new LongAdder();
    final LongAdder wholeGames = new LongAdder();
    final LongAdder closed = new LongAdder();
    final LongAdder errors = new LongAdder();
    /** Attempts to seat a fresh table after a finished game that failed and were tried again. */
    final LongAdder reseatRetries = new LongAdder();
    final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();

    void rejection(String code) {
        rejections.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    void latencyNanos(long nanos) {
        latency.recordValue(Math.max(1, nanos / 1000));
    }

    /** A refused command, answered {@code nanos} after its start. */
    void refusal(String code, long nanos) {
        refused.increment();
        rejection(code);
        refusalLatency.recordValue(Math.max(1, nanos / 1000));
    }

    Map<String, Long> rejectionCounts() {
        Map<String, Long> counts = new TreeMap<>();
        rejections.forEach((code, n) -> counts.put(code, n.sum()));
        return counts;
    }

    /** Latency percentiles in milliseconds. */
    Map<String, Double> percentiles() {
        return percentiles(latency);
    }

    /** A histogram's count and percentiles in milliseconds. */
    static Map<String, Double> percentiles(Histogram latency) {
        Map<String, Double> p = new java.util.LinkedHashMap<>();
        p.put("count", (double) latency.getTotalCount());
        p.put("p50", latency.getValueAtPercentile(50) / 1000.0);
        p.put("p95", latency.getValueAtPercentile(95) / 1000.0);
        p.put("p99", latency.getValueAtPercentile(99) / 1000.0);
        p.put("max", latency.getMaxValue() / 1000.0);
        return p;
    }
}
