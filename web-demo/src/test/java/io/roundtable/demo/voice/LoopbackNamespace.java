package io.roundtable.demo.voice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A network namespace with nothing but loopback, made with {@code unshare}: whatever runs inside (the
 * app, its Redis and PostgreSQL, the browsers and their WebRTC traffic) cannot reach any other host.
 * Preferred is a user namespace (no root needed) that also has its own process ids, so that when the
 * command inside ends, or the test kills it, every process it started ends with it.
 */
final class LoopbackNamespace {
    static final String INSTALL = "apt-get install -y util-linux iproute2";
    /** Variants of unshare flags, best first; the first that works here is used. */
    private static final List<List<String>> VARIANTS = List.of(
            List.of("--user", "--map-root-user", "--net", "--pid", "--kill-child=SIGTERM", "--mount", "--mount-proc"),
            List.of("--net", "--pid", "--kill-child=SIGTERM", "--mount", "--mount-proc"),
            List.of("--user", "--map-root-user", "--net"),
            List.of("--net"));

    final List<String> flags;
    private final String unshare;
    private final String ip;

    private LoopbackNamespace(String unshare, String ip, List<String> flags) {
        this.unshare = unshare;
        this.ip = ip;
        this.flags = flags;
    }

    /** Finds unshare and ip and a way to use them here, or fails with a sentence saying what to do. */
    static LoopbackNamespace find() {
        String unshare = program("unshare").orElseThrow(() -> new AssertionError(
                "The voice mesh test runs in a loopback-only network namespace and needs 'unshare', which is missing. "
                        + "Install it with: " + INSTALL));
        String ip = program("ip").orElseThrow(() -> new AssertionError(
                "The voice mesh test needs 'ip' to bring up loopback in its network namespace, and it is missing. "
                        + "Install it with: " + INSTALL));
        List<String> refusals = new ArrayList<>();
        for (List<String> flags : VARIANTS) {
            LoopbackNamespace candidate = new LoopbackNamespace(unshare, ip, flags);
            String refusal = candidate.probe();
            if (refusal == null) {
                return candidate;
            }
            refusals.add(String.join(" ", flags) + ": " + refusal);
        }
        throw new AssertionError("The voice mesh test could not create a loopback-only network namespace with unshare. "
                + "Run it as root, or allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1). "
                + "Tried: " + String.join(" | ", refusals));
    }

    /** The command line running {@code command} inside a fresh namespace, loopback up. */
    List<String> wrap(List<String> command) {
        StringBuilder script = new StringBuilder(quote(ip)).append(" link set lo up && exec");
        command.forEach(part -> script.append(' ').append(quote(part)));
        List<String> line = new ArrayList<>();
        line.add(unshare);
        line.addAll(flags);
        line.addAll(List.of("sh", "-c", script.toString()));
        return line;
    }

    /** Null when this variant works here, else what went wrong. */
    private String probe() {
        try {
            // Exactly one interface, and it is an up loopback.
            String check = "test \"$(" + quote(ip) + " -o link show | wc -l)\" = 1 && " + quote(ip)
                    + " -o link show lo | grep -q LOOPBACK,UP";
            Process p = new ProcessBuilder(wrap(List.of("sh", "-c", check)))
                    .redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? null : "exit " + p.exitValue() + (out.isEmpty() ? "" : " (" + out + ")");
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Optional<String> program(String name) {
        Stream<String> dirs = Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
                Stream.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        return dirs.filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst()
                .map(Path::toString);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
