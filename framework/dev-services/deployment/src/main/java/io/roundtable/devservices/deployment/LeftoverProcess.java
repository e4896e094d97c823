package io.roundtable.devservices.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * Stops a server that an earlier run left behind (a JVM killed with -9 cannot stop its children).
 * The pid comes from the server's own pid file in our data directory, and the process is only
 * stopped if its command line names the expected program, so an unrelated process that reused the
 * pid is never touched.
 */
final class LeftoverProcess {
    private static final Logger LOG = Logger.getLogger(LeftoverProcess.class);

    private LeftoverProcess() {
    }

    static void stopIfRunning(Path pidFile, String program) {
        readPid(pidFile).flatMap(ProcessHandle::of).ifPresent(process -> {
            String command = process.info().commandLine().orElse("");
            if (!command.contains(program)) {
                return;
            }
            LOG.infof("Stopping a %s (pid %d) left running by an earlier run", program, process.pid());
            process.destroy();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (process.isAlive() && Instant.now().isBefore(deadline)) {
                sleep();
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        });
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
