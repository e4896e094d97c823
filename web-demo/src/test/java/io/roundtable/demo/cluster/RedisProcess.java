package io.roundtable.demo.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import redis.embedded.RedisExecProvider;

/**
 * A real redis-server (the 7.x binary shipped inside org.signal:embedded-redis) run as a process this
 * test owns, so that it can be stopped cleanly (SIGTERM: Redis flushes its append-only file and
 * exits), killed with SIGKILL, and started again on the same data directory and port.
 */
public final class RedisProcess implements AutoCloseable {
    /** How the live-room Redis keeps its data. */
    public enum Persistence {
        /** Memory only (the default of the multi-node tests). */
        NONE,
        /** {@code appendonly yes}, {@code appendfsync everysec}: at most about a second lost if the host dies. */
        AOF_EVERYSEC,
        /** {@code appendonly yes}, {@code appendfsync always}: one disk write per command. */
        AOF_ALWAYS
    }

    private static Path binary;
    private final int port;
    private final Path dir;
    private final Persistence persistence;
    private final boolean clusterNode;
    private final Path log;
    private Process process;

    private RedisProcess(int port, Path dir, Persistence persistence, boolean clusterNode, Path log) {
        this.port = port;
        this.dir = dir;
        this.persistence = persistence;
        this.clusterNode = clusterNode;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill9Quietly, "redis-" + port + "-stop"));
    }

    /** Starts a Redis on a free loopback port with its data (and AOF) in {@code dir}. */
    public static RedisProcess start(Path dir, Persistence persistence) throws IOException {
        return start(dir, persistence, false);
    }

    /**
     * As {@link #start(Path, Persistence)}; a {@code clusterNode} runs with {@code cluster-enabled yes} (its
     * cluster state in {@code dir}) and is put into a cluster by {@link RedisCluster}.
     */
    public static RedisProcess start(Path dir, Persistence persistence, boolean clusterNode) throws IOException {
        Files.createDirectories(dir);
        RedisProcess redis = new RedisProcess(Servers.freePort(), dir, persistence, clusterNode,
                Path.of("target", "it-redis-" + dir.getFileName() + ".log").toAbsolutePath());
        redis.start();
        return redis;
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Starts (again) on the same port and data directory; returns once Redis answers PING (its AOF loaded). */
    public synchronized void start() throws IOException {
        if (alive()) {
            throw new IllegalStateException("redis-server on port " + port + " is already running");
        }
        Path conf = dir.resolve("redis.conf");
        boolean aof = persistence != Persistence.NONE;
        Files.writeString(conf, String.join("\n", List.of(
                "port " + port,
                "bind 127.0.0.1",
                "protected-mode yes",
                "daemonize no",
                "dir " + dir.toAbsolutePath(),
                "save \"\"",
                "appendonly " + (aof ? "yes" : "no"),
                "appendfsync " + (persistence == Persistence.AOF_ALWAYS ? "always" : "everysec"),
                "maxclients 20000",
                clusterNode ? "cluster-enabled yes\ncluster-config-file nodes.conf\ncluster-node-timeout 2000" : "",
                "")));
        process = new ProcessBuilder(binary().toString(), conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if ("PONG".equals(String.valueOf(command("PING")))) {
                    return;
                }
            } catch (IOException | Resp.ErrorReply e) {
                // not listening yet, or still loading its append-only file
            }
            Node.sleep(20);
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer within 30 s; see " + log);
    }

    /** A clean stop: SIGTERM, on which Redis writes out and fsyncs its append-only file, then exits. */
    public synchronized void stop() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** SIGKILL: Redis gets no chance to write or fsync anything more. */
    public synchronized void kill9() throws InterruptedException {
        if (alive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** One command on a fresh connection (see {@link Resp} for many). */
    public Object command(String... args) throws IOException {
        try (Resp resp = Resp.connect(port)) {
            return resp.call(args);
        }
    }

    /** A connection for many commands. */
    public Resp connect() throws IOException {
        return Resp.connect(port);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    void kill9Quietly() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
        }
    }

    /** Extracts the platform's redis-server from the library jar once per test JVM. */
    private static synchronized Path binary() throws IOException {
        if (binary != null) {
            return binary;
        }
        String arch = System.getProperty("os.arch").contains("aarch64") ? "arm64" : "amd64";
        String resource = "redis-server-" + RedisExecProvider.redisVersion + "-linux-" + arch;
        Path dir = Files.createDirectories(Path.of("target", "redis-bin").toAbsolutePath());
        Path target = dir.resolve(resource);
        if (!Files.isExecutable(target)) {
            try (InputStream in = RedisProcess.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("org.signal:embedded-redis has no " + resource);
                }
                Path partial = dir.resolve(resource + "." + ProcessHandle.current().pid());
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                partial.toFile().setExecutable(true);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        binary = target;
        return binary;
    }
}
