package io.roundtable.devservices.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * Where one JVM's embedded servers live, so that several JVMs (a test run beside dev mode, two test
 * runs) never share a data directory. Dev mode uses {@code dev/} (kept between runs) unless another
 * live JVM holds it; tests use {@code test-<pid>/}. Directories of JVMs that died are cleaned up:
 * their servers are stopped by pid file and throw-away directories are deleted.
 */
final class InstanceDirectory {
    private static final Logger LOG = Logger.getLogger(InstanceDirectory.class);
    private static final String OWNER = "owner.pid";

    private InstanceDirectory() {
    }

    /** Claims a directory for this JVM under {@code base}; {@code persistent} is honoured for dev's own directory only. */
    static Claim claim(Path base, boolean dev, boolean persistent) {
        long me = ProcessHandle.current().pid();
        reapDead(base, me);
        Path dir = dev ? base.resolve("dev") : base.resolve("test-" + me);
        boolean keep = dev && persistent;
        if (dev && ownerAlive(dir, me)) {
            LOG.warnf("Another JVM uses %s; this one gets throw-away servers", dir);
            dir = base.resolve("dev-" + me);
            keep = false;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(OWNER), Long.toString(me));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + dir + " for the embedded servers", e);
        }
        return new Claim(dir, keep);
    }

    record Claim(Path directory, boolean keepData) {
    }

    private static void reapDead(Path base, long me) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(base)) {
            dirs.filter(Files::isDirectory).filter(dir -> !ownerAlive(dir, me) && owner(dir).isPresent())
                    .forEach(InstanceDirectory::reap);
        } catch (IOException e) {
            LOG.debugf("Could not look for leftovers in %s: %s", base, e.getMessage());
        }
    }

    private static void reap(Path dir) {
        LeftoverProcess.stopIfRunning(dir.resolve("redis/data/redis.pid"), "redis-server");
        LeftoverProcess.stopIfRunning(dir.resolve("postgres/data/postmaster.pid"), "postgres");
        if (dir.getFileName().toString().equals("dev")) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("Could not delete %s: %s", dir, e.getMessage());
        }
    }

    private static boolean ownerAlive(Path dir, long me) {
        return owner(dir).filter(pid -> pid != me).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Optional<Long> owner(Path dir) {
        try {
            return Optional.of(Long.parseLong(Files.readString(dir.resolve(OWNER)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
