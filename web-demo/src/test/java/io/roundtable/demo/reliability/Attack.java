package io.roundtable.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import io.roundtable.demo.support.TestPlayer;

/**
 * An attack on one room from one client address, for a bounded time: sockets flooding pings until
 * they are closed (4429) and coming back, sockets sending oversize frames (1009), a socket sending
 * unreadable frames at the allowed rate, and REST calls with oversize and malformed bodies.
 * Counts what the server answered; every thread stops at the deadline.
 */
final class Attack {
    final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long deadline;

    void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    long get(String what) {
        AtomicLong n = counts.get(what);
        return n == null ? 0 : n.get();
    }

    /** Starts every attacker against the room of {@code members}; they stop by themselves after {@code millis}. */
    void start(List<TestPlayer> members, long millis, int flooders) {
        deadline = System.currentTimeMillis() + millis;
        assertThat(members).as("a member per attacking socket").hasSizeGreaterThanOrEqualTo(flooders + 2);
        for (int i = 0; i < flooders; i++) {
            TestPlayer member = members.get(2 + i);
            spawn("flood-" + i, () -> flood(member));
        }
        spawn("oversize-frames", () -> oversizeFrames(members.get(0)));
        spawn("unreadable-frames", () -> unreadableFrames(members.get(1 % members.size())));
        spawn("rest", () -> restBodies(members.get(0)));
    }

    private void spawn(String name, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failures.add(t);
            }
        }, "attack-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private boolean on() {
        return System.currentTimeMillis() < deadline;
    }

    private void flood(TestPlayer member) {
        while (on()) {
            member.connect(Arena.ORIGIN);
            for (int i = 0; i < 10_000 && member.closeCode == null && on(); i++) {
                try {
                    member.sendFrame("{\"type\":\"ping\"}");
                } catch (CompletionException closed) {
                    break;
                }
            }
            if (!on() && member.closeCode == null) {
                member.drop();
                break;
            }
            member.awaitClosed(Arena.WAIT);
            count("socket closed " + member.closeCode);
        }
    }

    private void oversizeFrames(TestPlayer member) {
        String big = "{\"type\":\"send\",\"text\":\"" + "x".repeat(70_000) + "\"}";
        while (on()) {
            member.connect(Arena.ORIGIN);
            try {
                member.sendFrame(big);
            } catch (CompletionException ignored) {
                // closed while writing
            }
            member.awaitClosed(Arena.WAIT);
            count("socket closed " + member.closeCode);
        }
    }

    private void unreadableFrames(TestPlayer member) {
        member.connect(Arena.ORIGIN);
        String deep = Arena.nested(10_000);
        while (on() && member.closeCode == null) {
            try {
                member.sendFrame(deep);
                member.sendFrame("{\"type\":\"act\",\"action\":{\"type\":\"guess\",\"number\":1e999999}}");
                member.sendFrame("\u0000\u0001 not json");
            } catch (CompletionException closed) {
                break;
            }
            count("unreadable frames sent");
            Arena.pause(200);
        }
        member.received.stream().filter(f -> f.path("type").asText().equals("error"))
                .forEach(f -> count("frame error " + f.at("/error/code").asText()));
        if (member.closeCode == null) {
            member.drop();
        }
    }

    private void restBodies(TestPlayer member) {
        byte[] big = ("{\"text\":\"" + "x".repeat(200_000) + "\"}").getBytes();
        byte[] deep = ("{\"action\":" + Arena.nested(10_000) + "}").getBytes();
        while (on()) {
            HttpResponse<String> tooLarge = Arena.post(member, "/messages", big);
            HttpResponse<String> malformed = Arena.post(member, "/actions", deep);
            count("rest " + tooLarge.statusCode());
            count("rest " + malformed.statusCode());
        }
    }

    /** Waits for every attacker to stop and fails on anything an attacker could not explain. */
    void join() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(Arena.WAIT.toMillis() + Math.max(0, deadline - System.currentTimeMillis()));
        }
        assertThat(failures).as("attackers that failed").isEmpty();
    }
}
