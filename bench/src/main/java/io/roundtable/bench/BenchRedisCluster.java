package io.roundtable.bench;

import java.util.List;

/**
 * Joins redis-servers started with {@code cluster-enabled yes} into a Redis Cluster of masters only (the
 * benchmark measures the app's share of the work; replicas would only take the shared cores): the 16384
 * slots split evenly, {@code CLUSTER MEET}, then waits for {@code cluster_state:ok}.
 */
final class BenchRedisCluster {
    private static final int SLOTS = 16384;

    private BenchRedisCluster() {
    }

    static void form(List<Integer> ports) {
        int n = ports.size();
        for (int i = 0; i < n; i++) {
            int first = SLOTS * i / n;
            int last = SLOTS * (i + 1) / n - 1;
            expect(ports.get(i), "CLUSTER ADDSLOTSRANGE " + first + " " + last, "+OK");
        }
        for (int port : ports.subList(1, n)) {
            expect(ports.get(0), "CLUSTER MEET 127.0.0.1 " + port, "+OK");
        }
        long end = System.nanoTime() + 30_000_000_000L;
        while (!ports.stream().allMatch(port -> Probe.redis(port, "CLUSTER INFO").contains("cluster_state:ok"))) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the Redis Cluster did not form in 30 s");
            }
            Cluster.sleep(50);
        }
    }

    /** The port of the master serving {@code key} (slots split as {@link #form} splits them). */
    static int masterOf(List<Integer> ports, String key) {
        String reply = Probe.redis(ports.get(0), "CLUSTER KEYSLOT " + key);
        int slot = Integer.parseInt(reply.substring(1).trim());
        int n = ports.size();
        for (int i = n - 1; i >= 0; i--) {
            if (slot >= SLOTS * i / n) {
                return ports.get(i);
            }
        }
        throw new IllegalStateException("no master for slot " + slot);
    }

    private static void expect(int port, String command, String reply) {
        String answer = Probe.redis(port, command);
        if (!answer.startsWith(reply)) {
            throw new IllegalStateException("Redis on " + port + " answered " + answer + " to " + command);
        }
    }
}
