package io.roundtable.devservices.deployment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.quarkus.deployment.builditem.Startable;

/**
 * A real Redis Cluster on loopback (behind {@code roundtable.dev-services.redis-cluster}): three masters
 * holding slots 0–5460, 5461–10922 and 10923–16383, one replica each, all the same embedded redis-server,
 * joined over plain RESP ({@code CLUSTER ADDSLOTSRANGE}, {@code MEET}, {@code REPLICATE}). Starts empty
 * every time: a cluster's membership names its ports, which are chosen afresh.
 */
final class EmbeddedRedisCluster implements Startable {
    private static final Logger LOG = Logger.getLogger(EmbeddedRedisCluster.class);
    private static final int[][] SLOTS = { { 0, 5460 }, { 5461, 10922 }, { 10923, 16383 } };
    private final List<EmbeddedRedis> masters = new ArrayList<>();
    private final List<EmbeddedRedis> replicas = new ArrayList<>();

    EmbeddedRedisCluster(Path directory, Path binaries) {
        for (int i = 0; i < SLOTS.length; i++) {
            masters.add(node(directory.resolve("master-" + i), binaries));
            replicas.add(node(directory.resolve("replica-" + i), binaries));
        }
    }

    private static EmbeddedRedis node(Path directory, Path binaries) {
        return new EmbeddedRedis(directory, binaries, LoopbackPorts.free(), false, List.of("cluster-enabled yes",
                "cluster-config-file nodes.conf", "cluster-node-timeout 5000"));
    }

    @Override
    public void start() {
        all().forEach(node -> {
            node.deleteData();
            node.start();
        });
        try {
            for (int i = 0; i < SLOTS.length; i++) {
                call(masters.get(i), "CLUSTER", "ADDSLOTSRANGE", Integer.toString(SLOTS[i][0]), Integer.toString(SLOTS[i][1]));
            }
            for (EmbeddedRedis node : all()) {
                if (node != masters.get(0)) {
                    call(masters.get(0), "CLUSTER", "MEET", "127.0.0.1", Integer.toString(node.port()));
                }
            }
            await(node -> call(node, "CLUSTER", "NODES").lines().count() >= 6);
            for (int i = 0; i < SLOTS.length; i++) {
                call(replicas.get(i), "CLUSTER", "REPLICATE", call(masters.get(i), "CLUSTER", "MYID"));
            }
            await(node -> call(node, "CLUSTER", "INFO").contains("cluster_state:ok"));
            LOG.infof("Roundtable dev services: Redis Cluster of 3 masters and 3 replicas on %s", getConnectionInfo());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private List<EmbeddedRedis> all() {
        List<EmbeddedRedis> all = new ArrayList<>(masters);
        all.addAll(replicas);
        return all;
    }

    private void await(Predicate<EmbeddedRedis> ready) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (all().stream().allMatch(node -> {
                try {
                    return ready.test(node);
                } catch (RuntimeException e) {
                    return false;
                }
            })) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the Redis Cluster formed", e);
            }
        }
        throw new IllegalStateException("the embedded Redis Cluster did not form within 30 s");
    }

    /** One command on a fresh connection; the reply as text (a status, a bulk string or a number). */
    private static String call(EmbeddedRedis node, String... args) {
        return call(node.port(), args);
    }

    /** One command to the Redis on loopback {@code port}; the reply as text. */
    static String call(int port, String... args) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
            for (String arg : args) {
                request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg)
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String line = line(in);
            return switch (line.charAt(0)) {
                case '+', ':' -> line.substring(1);
                case '$' -> new String(in.readNBytes(Integer.parseInt(line.substring(1))), StandardCharsets.UTF_8);
                default -> throw new IllegalStateException("Redis on port " + port + " answered " + line);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\r') {
            line.append((char) c);
        }
        in.read(); // '\n'
        return line.toString();
    }

    /** The masters, as {@code quarkus.redis.hosts}. */
    @Override
    public String getConnectionInfo() {
        return masters.stream().map(EmbeddedRedis::getConnectionInfo).collect(Collectors.joining(","));
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public void close() {
        all().forEach(EmbeddedRedis::close);
    }
}
