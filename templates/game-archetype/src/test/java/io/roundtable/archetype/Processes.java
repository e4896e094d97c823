package io.roundtable.archetype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The Maven runs of {@link GeneratedProjectIT}: each with its output in a log file. */
final class Processes {
    private static final List<Process> STARTED = new ArrayList<>();

    private Processes() {
    }

    /** Runs a command to its end (killed after {@code timeout}) and returns its exit code. */
    static int run(Path directory, Path log, Duration timeout, String... command) throws IOException, InterruptedException {
        Process process = builder(directory, log, command).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(process);
            throw new AssertionError(String.join(" ", command) + " took longer than " + timeout + " (see " + log + ")");
        }
        return process.exitValue();
    }

    /** Starts a command that runs until {@link #stopAll()}. */
    static void start(Path directory, Path log, String... command) throws IOException {
        STARTED.add(builder(directory, log, command).start());
    }

    /**
     * Starts a command as a terminal runs one in the foreground: in a process group of its own (it leads
     * it), which {@link #interrupt} sends a Ctrl+C to, as the terminal would.
     */
    static void startInForeground(Path directory, Path log, String... command) throws IOException {
        String[] inGroup = new String[command.length + 1];
        inGroup[0] = "setsid";
        System.arraycopy(command, 0, inGroup, 1, command.length);
        start(directory, log, inGroup);
    }

    /**
     * A Ctrl+C: SIGINT to the process group of each command started in the foreground; waits until it and
     * everything it had started (Maven's forked JVM, the embedded servers) have exited, and returns whether
     * all did within {@code timeout}.
     */
    static boolean interrupt(Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> all = new ArrayList<>();
        for (Process process : STARTED) {
            all.add(process.toHandle());
            all.addAll(process.descendants().toList());
            new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).inheritIO().start().waitFor();
        }
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return false;
            }
        }
        return true;
    }

    static void requireRunning(String what) {
        for (Process process : STARTED) {
            if (!process.isAlive()) {
                throw new AssertionError(what + " ended with exit code " + process.exitValue());
            }
        }
    }

    /** Stops every started command and everything it started (Maven's forked JVMs, the embedded servers). */
    static void stopAll() {
        STARTED.forEach(Processes::stop);
        STARTED.clear();
    }

    private static void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                handle.destroyForcibly();
            }
        }
    }

    private static ProcessBuilder builder(Path directory, Path log, String... command) {
        return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Deletes a directory tree if it exists. */
    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
