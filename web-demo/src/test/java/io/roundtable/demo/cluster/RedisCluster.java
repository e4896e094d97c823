package io.roundtable.demo.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster on loopback, made of the same embedded redis-server the other tests run: three
 * masters (slots 0–5460, 5461–10922, 10923–16383) and one replica of each, joined over plain RESP
 * ({@code CLUSTER ADDSLOTSRANGE}, {@code MEET}, {@code REPLICATE}) — no redis-cli needed. Returns once
 * every node says {@code cluster_state:ok} and every replica is in sync with its master.
 */
public final class RedisCluster implements AutoCloseable {
    private static final int[][] SLOTS = { { 0, 5460 }, { 5461, 10922 }, { 10923, 16383 } };
    private final List<RedisProcess> masters = new ArrayList<>();
    private final List<RedisProcess> replicas = new ArrayList<>();

    private RedisCluster() {
    }

    /** Three masters and three replicas, their data (nothing persisted) under {@code dir}. */
    public static RedisCluster start(Path dir) throws IOException {
        RedisCluster cluster = new RedisCluster();
        try {
            for (int i = 0; i < SLOTS.length; i++) {
                cluster.masters.add(RedisProcess.start(dir.resolve("master-" + i), RedisProcess.Persistence.NONE, true));
                cluster.replicas.add(RedisProcess.start(dir.resolve("replica-" + i), RedisProcess.Persistence.NONE, true));
            }
            cluster.form();
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void form() throws IOException {
        for (int i = 0; i < SLOTS.length; i++) {
            masters.get(i).command("CLUSTER", "ADDSLOTSRANGE", Integer.toString(SLOTS[i][0]), Integer.toString(SLOTS[i][1]));
        }
        RedisProcess first = masters.get(0);
        for (RedisProcess node : all()) {
            if (node != first) {
                first.command("CLUSTER", "MEET", "127.0.0.1", Integer.toString(node.port()));
            }
        }
        await("every node knows the other five", () -> {
            for (RedisProcess node : all()) {
                if (String.valueOf(node.command("CLUSTER", "NODES")).lines().count() < 6) {
                    return false;
                }
            }
            return true;
        });
        for (int i = 0; i < SLOTS.length; i++) {
            String master = String.valueOf(masters.get(i).command("CLUSTER", "MYID"));
            replicas.get(i).command("CLUSTER", "REPLICATE", master);
        }
        await("cluster_state:ok everywhere, every replica in sync", () -> {
            for (RedisProcess node : all()) {
                if (!String.valueOf(node.command("CLUSTER", "INFO")).contains("cluster_state:ok")) {
                    return false;
                }
            }
            for (RedisProcess replica : replicas) {
                if (!String.valueOf(replica.command("INFO", "replication")).contains("master_link_status:up")) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The masters as the app's {@code quarkus.redis.hosts}. */
    public String hosts() {
        return masters.stream().map(m -> "redis://127.0.0.1:" + m.port()).collect(Collectors.joining(","));
    }

    public List<RedisProcess> masters() {
        return List.copyOf(masters);
    }

    public List<RedisProcess> replicas() {
        return List.copyOf(replicas);
    }

    private List<RedisProcess> all() {
        List<RedisProcess> all = new ArrayList<>(masters);
        all.addAll(replicas);
        return all;
    }

    /** Which of the first three masters (0, 1, 2) serves {@code slot}; its replica has the same index. */
    public static int shardOf(long slot) {
        for (int i = 0; i < SLOTS.length; i++) {
            if (slot >= SLOTS[i][0] && slot <= SLOTS[i][1]) {
                return i;
            }
        }
        throw new IllegalArgumentException("no slot " + slot);
    }

    /** The shard (0, 1, 2) a key lives on. */
    public int shardOfKey(String key) throws IOException {
        RedisProcess any = replicas.get(0).alive() ? replicas.get(0) : replicas.get(1);
        return shardOf((Long) any.command("CLUSTER", "KEYSLOT", key));
    }

    /** How many keys each master holds, in the order of {@link #masters()}. */
    public List<Long> keysPerMaster() throws IOException {
        List<Long> counts = new ArrayList<>();
        for (RedisProcess master : masters) {
            counts.add((Long) master.command("DBSIZE"));
        }
        return counts;
    }

    /**
     * How many connections subscribe to a sharded channel ({@code PUBSUB SHARDNUMSUB} on the master of its
     * slot: a shard channel lives only there).
     */
    public long shardSubscribers(String channel) throws IOException {
        List<?> reply = (List<?>) masters.get(shardOfKey(channel)).command("PUBSUB", "SHARDNUMSUB", channel);
        return (Long) reply.get(1);
    }

    /** Every sharded channel any master has a subscriber of. */
    public List<String> shardChannels() throws IOException {
        List<String> all = new ArrayList<>();
        for (RedisProcess master : masters) {
            ((List<?>) master.command("PUBSUB", "SHARDCHANNELS")).forEach(c -> all.add((String) c));
        }
        return all;
    }

    interface Check {
        boolean holds() throws IOException;
    }

    private static void await(String what, Check check) throws IOException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Resp.ErrorReply e) {
                // not ready yet
            }
            Node.sleep(50);
        }
        throw new IllegalStateException("the Redis Cluster did not get there in 30 s: " + what);
    }

    @Override
    public void close() {
        for (RedisProcess node : all()) {
            node.kill9Quietly();
        }
    }
}
