package io.roundtable.demo.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Command round trips in milliseconds, with the percentiles we report. */
final class Latencies {
    private final List<Double> millis = new ArrayList<>();

    synchronized void add(long nanos) {
        millis.add(nanos / 1e6);
    }

    synchronized int count() {
        return millis.size();
    }

    /** The nearest-rank percentile, {@code p} in (0, 100]. */
    synchronized double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", count(), percentile(50), percentile(99),
                percentile(100));
    }
}
