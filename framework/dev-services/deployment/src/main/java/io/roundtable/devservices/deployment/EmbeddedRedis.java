package io.roundtable.devservices.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.quarkus.deployment.builditem.Startable;
import redis.embedded.RedisExecProvider;
import redis.embedded.RedisServer;
import redis.embedded.util.Architecture;
import redis.embedded.util.OS;
import redis.embedded.util.OSDetector;

/** A real redis-server (7.x, shipped inside org.signal:embedded-redis) on a loopback port. */
final class EmbeddedRedis implements Startable {
    private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class);

    private final Path directory;
    private final Path binaries;
    private final int port;
    private final boolean persistent;
    private final List<String> settings;
    private RedisServer server;
    private StopAtExit stopAtExit;

    EmbeddedRedis(Path directory, Path binaries, int port, boolean persistent) {
        this(directory, binaries, port, persistent, List.of());
    }

    /** With more {@code redis.conf} lines ({@code settings}), e.g. those of a cluster node. */
    EmbeddedRedis(Path directory, Path binaries, int port, boolean persistent, List<String> settings) {
        this.directory = directory;
        this.binaries = binaries;
        this.port = port;
        this.persistent = persistent;
        this.settings = List.copyOf(settings);
    }

    @Override
    public void start() {
        try {
            Path data = Files.createDirectories(directory.resolve("data"));
            Path pidFile = data.resolve("redis.pid");
            LeftoverProcess.stopIfRunning(pidFile, "redis-server");
            Path binary = inOwnSession(extractBinary(binaries));
            var builder = RedisServer.builder()
                    .redisExecProvider(RedisExecProvider.defaultProvider()
                            .override(OSDetector.getOS(), OSDetector.getArchitecture(), binary.toString()))
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir " + data)
                    .setting("pidfile " + pidFile)
                    .setting("appendonly " + (persistent ? "yes" : "no"))
                    .setting("appendfsync everysec")
                    .setting("save " + (persistent ? "3600 1" : "\"\""))
                    .setting("protected-mode yes");
            settings.forEach(builder::setting);
            server = builder.build();
            server.start();
            stopAtExit = new StopAtExit("roundtable-redis-stop", this::close);
            LOG.infof("Roundtable dev services: Redis %s on redis://127.0.0.1:%d, data in %s",
                    RedisExecProvider.redisVersion, port, data);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis", e);
        }
    }

    /** Extracts the platform's redis-server from the library jar once, into our own directory. */
    private static Path extractBinary(Path binDirectory) throws IOException {
        String resource = "redis-server-" + RedisExecProvider.redisVersion + "-" + platform();
        Path binary = binDirectory.resolve(resource);
        if (Files.isExecutable(binary)) {
            return binary;
        }
        Files.createDirectories(binDirectory);
        try (InputStream in = EmbeddedRedis.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("org.signal:embedded-redis has no " + resource + " for this machine");
            }
            Path partial = binDirectory.resolve(resource + "." + ProcessHandle.current().pid() + ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            partial.toFile().setExecutable(true);
            Files.move(partial, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return binary;
    }

    /**
     * What starts Redis in a session of its own, as pg_ctl starts PostgreSQL: a Ctrl+C in the terminal of
     * {@code quarkus:dev} then reaches Maven and the application, which stops and has Quarkus stop Redis
     * after it, and not Redis itself, which would drop the connections of an application still running.
     * Without {@code setsid} (not Linux), Redis itself.
     */
    private static Path inOwnSession(Path binary) throws IOException {
        Path setsid = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (setsid == null) {
            return binary;
        }
        Path launcher = binary.resolveSibling(binary.getFileName() + "-own-session");
        String path = binary.toAbsolutePath().toString().replace("'", "'\\''");
        String script = "#!/bin/sh\nexec " + setsid + " '" + path + "' \"$@\"\n";
        if (Files.isExecutable(launcher) && Files.readString(launcher).equals(script)) {
            return launcher;
        }
        Path partial = launcher.resolveSibling(launcher.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        Files.writeString(partial, script);
        partial.toFile().setExecutable(true);
        Files.move(partial, launcher, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return launcher;
    }

    private static String platform() {
        OS os = OSDetector.getOS();
        Architecture arch = OSDetector.getArchitecture();
        String osName = os == OS.MAC_OS_X ? "darwin" : os == OS.UNIX ? "linux" : "windows";
        String archName = arch == Architecture.x86_64 ? "amd64" : arch == Architecture.arm64 ? "arm64" : "386";
        return osName + "-" + archName;
    }

    int port() {
        return port;
    }

    /** Removes what an earlier run left in the data directory (a cluster node must start empty). */
    void deleteData() {
        Path data = directory.resolve("data");
        if (!Files.isDirectory(data)) {
            return;
        }
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not empty " + data, e);
        }
    }

    @Override
    public String getConnectionInfo() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public synchronized void close() {
        if (server != null && server.isActive()) {
            server.stop();
            LOG.infof("Roundtable dev services: Redis on port %d stopped", port);
        }
        server = null;
        if (stopAtExit != null) {
            stopAtExit.closed();
        }
    }
}
