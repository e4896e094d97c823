package io.roundtable.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;
import redis.embedded.RedisServerBuilder;

/**
 * What the harness runs against when no target is given: a real Redis (or, with {@code --redis-cluster N},
 * a Redis Cluster of N masters) and PostgreSQL, and one or more app nodes (the packaged web demo) on them,
 * each its own process. Every setting is recorded.
 */
final class Cluster implements AutoCloseable {
    /** One Redis, or the masters of a Redis Cluster. */
    final List<RedisServer> redis;
    /** Their ports; the first is the one whose SET rate is measured. */
    final List<Integer> redisPorts;
    final EmbeddedPostgres postgres;
    final List<Process> nodes = new ArrayList<>();
    final List<String> bases = new ArrayList<>();
    final Map<String, String> settings = new LinkedHashMap<>();
    /** Each node's GC log (null where a {@code --jvm} option of the user's logs GC elsewhere than to a file). */
    final List<Path> gcLogs = new ArrayList<>();

    private Cluster(List<RedisServer> redis, List<Integer> redisPorts, EmbeddedPostgres postgres) {
        this.redis = redis;
        this.redisPorts = redisPorts;
        this.postgres = postgres;
    }

    /**
     * Starts Redis, PostgreSQL and {@code nodeCount} nodes; node {@code i} logs its GC to {@code gcLog.apply(i)}
     * unless {@code jvmOptions} already log GC themselves.
     */
    static Cluster start(Path app, int nodeCount, int redisMasters, String heap, Map<String, String> overrides,
            List<String> jvmOptions, IntFunction<Path> gcLog) throws IOException {
        List<RedisServer> redis = new ArrayList<>();
        List<Integer> redisPorts = new ArrayList<>();
        for (int i = 0; i < Math.max(1, redisMasters); i++) {
            int port = freePort();
            RedisServerBuilder builder = RedisServer.builder().bind("127.0.0.1").port(port).setting("save \"\"")
                    .setting("appendonly no").setting("maxclients 20000");
            if (redisMasters > 0) {
                Path dir = Files.createTempDirectory("roundtable-bench-redis");
                builder.setting("cluster-enabled yes").setting("cluster-config-file " + dir.resolve("nodes.conf"));
            }
            RedisServer server = builder.build();
            server.start();
            redis.add(server);
            redisPorts.add(port);
        }
        if (redisMasters > 0) {
            BenchRedisCluster.form(redisPorts);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("roundtable-bench-pg")).setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("fsync", "off")
                .setPort(freePort()).start();
        Cluster cluster = new Cluster(redis, redisPorts, postgres);
        int pg = postgres.getPort();
        cluster.settings.put("quarkus.redis.hosts", String.join(",",
                redisPorts.stream().map(port -> "redis://127.0.0.1:" + port).toList()));
        if (redisMasters > 0) {
            cluster.settings.put("quarkus.redis.client-type", "cluster");
        }
        cluster.settings.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + pg + "/postgres");
        cluster.settings.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + pg + "/postgres");
        cluster.settings.put("quarkus.datasource.username", "postgres");
        cluster.settings.put("quarkus.datasource.password", "postgres");
        cluster.settings.put("quarkus.redis.max-pool-size", "64");
        cluster.settings.put("quarkus.redis.max-pool-waiting", "100000");
        cluster.settings.put("roundtable.ws.allowed-origins", "*");
        cluster.settings.put("roundtable.limits.rooms-per-minute", "10000000");
        cluster.settings.put("roundtable.limits.joins-per-minute", "10000000");
        cluster.settings.put("roundtable.limits.sockets-per-client", "1000000");
        cluster.settings.put("roundtable.limits.commands-per-second", "1000");
        cluster.settings.put("roundtable.ws.idle-timeout", "120s");
        cluster.settings.put("roundtable.rooms.barrier-countdown", "0s");
        // Churn's rooms of bots play themselves: as fast as the server goes, not paced like people.
        cluster.settings.put("roundtable.bots.move-delay", "0s");
        cluster.settings.putAll(overrides);
        for (int i = 0; i < nodeCount; i++) {
            cluster.startNode(app, i, heap, jvmOptions, gcLog.apply(i));
        }
        return cluster;
    }

    private void startNode(Path app, int index, String heap, List<String> jvmOptions, Path gcLog) throws IOException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xms" + heap));
        List<String> own = jvmOptions.stream().map(option -> option.replace("{node}", Integer.toString(index)))
                .toList();
        if (own.stream().noneMatch(option -> option.matches("-XX:\\+Use\\w+GC"))) {
            command.add("-XX:+UseG1GC"); // G1 unless the user chose a collector (a JVM refuses two)
        }
        String theirs = own.stream().filter(Gc::logsGc).findFirst().orElse(null);
        if (theirs == null) {
            Files.createDirectories(gcLog.toAbsolutePath().getParent());
            command.add(Gc.logOption(gcLog));
            gcLogs.add(gcLog);
        } else {
            gcLogs.add(Gc.logFile(theirs));
        }
        command.addAll(own);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.log.level=WARN");
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(app.toString());
        File log = Path.of("target", "bench-node" + index + ".log").toFile();
        log.getParentFile().mkdirs();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
        nodes.add(process);
        String base = "http://127.0.0.1:" + port;
        bases.add(base);
        awaitReady(base, process, Duration.ofSeconds(90));
    }

    private static void awaitReady(String base, Process process, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("an app node exited; see bench/target/bench-node*.log");
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("an app node was not ready in " + timeout);
    }

    long pid(int node) {
        return nodes.get(node).pid();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            try {
                if (!node.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        redis.forEach(RedisServer::stop);
        postgres.close();
    }
}
