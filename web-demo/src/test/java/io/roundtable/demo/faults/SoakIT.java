package io.roundtable.demo.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.roundtable.demo.cluster.Node;
import io.roundtable.demo.cluster.Resp;
import io.roundtable.demo.cluster.Servers;
import io.vertx.core.http.HttpMethod;

/**
 * Soak: rooms are created, played, finished, archived and removed continuously — all-bot Avalon rooms
 * play themselves when created (no barrier countdown), and the node archives each and removes it at once
 * ({@code roundtable.archive.keep-finished-rooms=0s}). {@code soak.rooms} rooms (CI: 500; the full run:
 * {@code -Dsoak.rooms=10000}). Redis must end with the keys it began with, every match must be archived,
 * and the node's heap after a full collection must not have grown with the rooms.
 */
class SoakIT {
    static final int ROOMS = Figures.size("soak.rooms", 500);
    static final int WARM_UP = 50;
    static final Path GC_LOG = Path.of("target", "it-soak-gc.log").toAbsolutePath();
    static final Pattern PAUSE = Pattern.compile("Pause (.*?) (\\d+(?:\\.\\d+)?)ms\\s*$");
    static Servers servers;
    static Node node;
    static Traffic traffic;

    @BeforeAll
    static void start() throws Exception {
        servers = Servers.start();
        Files.deleteIfExists(GC_LOG);
        Map<String, String> settings = new HashMap<>(Tables.WIDE_LIMITS);
        settings.put("roundtable.archive.keep-finished-rooms", "0s");
        settings.put("roundtable.rooms.barrier-countdown", "0s");
        node = Node.start("soak-node", Servers.freePort(), servers.settings(settings),
                List.of("-XX:+UseG1GC", "-Xlog:gc:file=" + GC_LOG));
        traffic = new Traffic();
    }

    @AfterAll
    static void stop() throws Exception {
        Cleanup.all(traffic, node, servers);
    }

    @Test
    void rooms_played_and_archived_continuously_leave_no_keys_and_no_heap_behind() throws Exception {
        List<String> warmUp = play(WARM_UP);
        drain(Duration.ofSeconds(60), -1);
        long keysBefore;
        try (Resp redis = servers.redis().connect()) {
            keysBefore = redis.number("DBSIZE");
        }
        long heapBefore = node.heapUsedAfterGcKib();

        long began = System.nanoTime();
        List<String> ids = play(ROOMS);
        double playSeconds = (System.nanoTime() - began) / 1e9;
        long drainedAfter = drain(Duration.ofSeconds(120 + ROOMS / 20), keysBefore);
        double totalSeconds = (System.nanoTime() - began) / 1e9;
        long keysAfter;
        try (Resp redis = servers.redis().connect()) {
            keysAfter = redis.number("DBSIZE");
        }
        long heapAfter = node.heapUsedAfterGcKib();
        int notArchived = notArchived(ids);
        long rows = servers.queryNumber("select count(*) from match");
        double[] pauses = pauses();
        Figures.report("SoakIT", String.format(
                "rooms=%d created in %.1f s, all archived and removed after %.1f s (%.0f rooms/s; last room gone %d ms "
                        + "after the last was created); notArchived=%d matchRows=%d (incl. %d warm-up); Redis keys "
                        + "before=%d after=%d; heap after full GC before=%d KiB after=%d KiB (%+d KiB); GC pauses: %d, "
                        + "largest %.1f ms (largest of our own jcmd full GCs %.1f ms)",
                ROOMS, playSeconds, totalSeconds, ROOMS / totalSeconds, drainedAfter, notArchived, rows, warmUp.size(),
                keysBefore, keysAfter, heapBefore, heapAfter, heapAfter - heapBefore, (int) pauses[2], pauses[0],
                pauses[1]));
        assertThat(notArchived).as("finished rooms not in the archive").isZero();
        assertThat(rows).isEqualTo(ROOMS + WARM_UP);
        assertThat(keysAfter).as("Redis keys after every room is gone").isEqualTo(keysBefore);
        assertThat(heapAfter - heapBefore).as("heap growth after a full GC, KiB").isLessThan(32 * 1024);
    }

    /** Creates {@code count} all-bot rooms, a few at a time, keeping at most 300 live; answers their ids. */
    private static List<String> play(int count) throws Exception {
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        Semaphore inFlight = new Semaphore(8);
        try (Resp redis = servers.redis().connect()) {
            for (int i = 0; i < count; i++) {
                if (i % 50 == 0) {
                    while (redis.number("HLEN", "rt:cards") > 300) {
                        Tables.sleep(50);
                    }
                }
                inFlight.acquire();
                traffic.call(node.base(), HttpMethod.POST, "/api/rooms", "{\"game\":\"avalon\",\"bots\":5}", null)
                        .onComplete(r -> {
                            if (r.succeeded() && r.result().status() == 201) {
                                ids.add(r.result().body().get("id").asText());
                            } else {
                                failures.incrementAndGet();
                            }
                            inFlight.release();
                        });
            }
        }
        inFlight.acquire(8);
        assertThat(failures.get()).as("rooms that could not be created").isZero();
        return new ArrayList<>(ids);
    }

    /**
     * Waits until no room is live and (unless {@code keys} is -1) Redis is back to {@code keys} keys;
     * answers how long that took, in ms.
     */
    private static long drain(Duration timeout, long keys) throws IOException {
        long start = System.nanoTime();
        long end = start + timeout.toNanos();
        try (Resp redis = servers.redis().connect()) {
            while (System.nanoTime() < end) {
                if (redis.number("HLEN", "rt:cards") == 0 && (keys < 0 || redis.number("DBSIZE") == keys)) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
                Tables.sleep(100);
            }
            throw new AssertionError("rooms still live after " + timeout + ": " + redis.number("HLEN", "rt:cards")
                    + ", keys " + redis.number("DBSIZE") + " (expected " + keys + ")");
        }
    }

    /** Rooms whose match {@code GET /api/matches/{id}} does not find. */
    private static int notArchived(List<String> ids) throws InterruptedException {
        AtomicInteger missing = new AtomicInteger();
        Semaphore inFlight = new Semaphore(16);
        for (String id : ids) {
            inFlight.acquire();
            traffic.call(node.base(), HttpMethod.GET, "/api/matches/" + id, null, null).onComplete(r -> {
                if (r.failed() || r.result().status() != 200) {
                    missing.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(16);
        return missing.get();
    }

    /** From the node's GC log: the largest pause (ms) other than ours, the largest of ours (jcmd GC.run), and how many. */
    private static double[] pauses() throws IOException {
        double largest = 0;
        double ours = 0;
        int count = 0;
        for (String line : Files.readAllLines(GC_LOG)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                double ms = Double.parseDouble(m.group(2));
                if (line.contains("Diagnostic Command") || line.contains("System.gc()")) {
                    ours = Math.max(ours, ms);
                } else {
                    largest = Math.max(largest, ms);
                    count++;
                }
            }
        }
        return new double[] { largest, ours, count };
    }
}
