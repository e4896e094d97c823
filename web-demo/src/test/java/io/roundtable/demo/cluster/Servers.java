package io.roundtable.demo.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/** A real Redis and a real PostgreSQL for tests that start the packaged app as processes (two nodes, the voice mesh). */
public final class Servers implements AutoCloseable {
    final RedisServer redis;
    final int redisPort;
    final EmbeddedPostgres postgres;

    private Servers(RedisServer redis, int redisPort, EmbeddedPostgres postgres) {
        this.redis = redis;
        this.redisPort = redisPort;
        this.postgres = postgres;
    }

    public static Servers start() throws IOException {
        int redisPort = freePort();
        RedisServer redis = RedisServer.builder().bind("127.0.0.1").port(redisPort).setting("save \"\"")
                .setting("appendonly no").build();
        redis.start();
        Path data = Files.createTempDirectory("roundtable-it-pg");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1").setPort(freePort()).start();
        return new Servers(redis, redisPort, postgres);
    }

    /** The settings that point a node at these servers. */
    public Map<String, String> settings() {
        int pg = postgres.getPort();
        return Map.of(
                "quarkus.redis.hosts", "redis://127.0.0.1:" + redisPort,
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + pg + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + pg + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "roundtable.ws.allowed-origins", "*",
                "roundtable.rooms.barrier-countdown", "200ms");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        redis.stop();
        postgres.close();
    }
}
