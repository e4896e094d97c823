package io.roundtable.demo.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real Redis and a real PostgreSQL for tests that start the packaged app as processes (two nodes, the
 * voice mesh, the fault tests). Redis is a process of its own ({@link RedisProcess}) that a test may
 * stop, kill and start again; by default it keeps nothing on disk.
 */
public final class Servers implements AutoCloseable {
    final RedisProcess redis;
    final RedisCluster cluster;
    final EmbeddedPostgres postgres;
    private final Path redisDir;

    private Servers(RedisProcess redis, RedisCluster cluster, EmbeddedPostgres postgres, Path redisDir) {
        this.redis = redis;
        this.cluster = cluster;
        this.postgres = postgres;
        this.redisDir = redisDir;
    }

    public static Servers start() throws IOException {
        return start(RedisProcess.Persistence.NONE);
    }

    /**
     * Starts both servers; Redis keeps its data (and append-only file) in a fresh directory under
     * {@code target/}, on the real disk, so that fsync costs what it costs.
     */
    public static Servers start(RedisProcess.Persistence persistence) throws IOException {
        Path redisDir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "redis-data-");
        RedisProcess redis = RedisProcess.start(redisDir, persistence);
        try {
            return new Servers(redis, null, postgres(), redisDir);
        } catch (IOException | RuntimeException e) {
            stopQuietly(redis);
            throw e;
        }
    }

    /** A Redis Cluster of three masters and three replicas ({@link RedisCluster}) instead of one Redis. */
    public static Servers startCluster() throws IOException {
        Path redisDir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "redis-cluster-");
        RedisCluster cluster = RedisCluster.start(redisDir);
        try {
            return new Servers(null, cluster, postgres(), redisDir);
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static EmbeddedPostgres postgres() throws IOException {
        Path data = Files.createTempDirectory("roundtable-it-pg");
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1").setPort(freePort()).start();
    }

    /** The Redis Cluster, when started with {@link #startCluster()}. */
    public RedisCluster cluster() {
        return cluster;
    }

    /** The live-room Redis, to stop, kill, restart or look into. */
    public RedisProcess redis() {
        return redis;
    }

    /** The settings that point a node at these servers. */
    public Map<String, String> settings() {
        int pg = postgres.getPort();
        Map<String, String> redisSettings = cluster == null ? Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + redis.port())
                : Map.of("quarkus.redis.hosts", cluster.hosts(), "quarkus.redis.client-type", "cluster");
        Map<String, String> all = new LinkedHashMap<>(redisSettings);
        all.putAll(Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + pg + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + pg + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "roundtable.ws.allowed-origins", "*",
                "roundtable.rooms.barrier-countdown", "200ms",
                // the fault tests drive bots' rooms to their end: bots move at once, as in the test profile
                "roundtable.bots.move-delay", "0s"));
        return all;
    }

    /** {@link #settings()} with some keys added or replaced. */
    public Map<String, String> settings(Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>(settings());
        all.putAll(overrides);
        return all;
    }

    /** A single number from PostgreSQL (a count, say), asked directly rather than through the app. */
    public long queryNumber(String sql, Object... parameters) throws java.sql.SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void stopQuietly(RedisProcess redis) {
        try {
            redis.kill9();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (cluster != null) {
                cluster.close();
            } else {
                redis.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            redis.kill9Quietly();
        } finally {
            postgres.close();
            deleteTree(redisDir);
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover directory under target/ does no harm
        }
    }
}
