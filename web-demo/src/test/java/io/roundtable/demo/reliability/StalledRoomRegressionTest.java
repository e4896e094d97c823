package io.roundtable.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.demo.support.TestPlayer;

/**
 * Found by the command fuzzer (a socket shard hung): a message pushed to a socket that opened while
 * another command of the room was being committed, before its own catch-up ran, made the server ask
 * Redis for the missed messages through the room's queue without ever running that request — and
 * every later command of the room waited for it forever.
 */
@QuarkusTest
class StalledRoomRegressionTest {
    @TestHTTPResource("/")
    URI uri;

    @Test
    void sockets_opening_while_messages_arrive_never_stall_the_room() throws Exception {
        String base = Arena.base(uri);
        String room = TestPlayer.createRoom(base, "voice", null, 0);
        TestPlayer bob = TestPlayer.join(base, room, "Bob", false);
        List<TestPlayer> senders = new ArrayList<>();
        for (String name : List.of("Ann", "Cy", "Dee")) {
            senders.add(TestPlayer.join(base, room, name, false));
        }
        String dm = "{\"to\":{\"kind\":\"direct\",\"member\":\"" + bob.member + "\"},\"text\":\"hello\"}";
        senders.get(0).ok("POST", "/messages", dm);

        AtomicBoolean on = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (TestPlayer sender : senders) {
            Thread t = new Thread(() -> {
                long end = System.currentTimeMillis() + 20_000;
                while (on.get() && System.currentTimeMillis() < end) {
                    sender.call("POST", "/messages", dm); // times out (throws) once the room is stalled
                    Arena.pause(60);
                }
            });
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            for (int i = 0; i < 60; i++) {
                TestPlayer fresh = TestPlayer.join(base, room, "Bob " + i, true);
                fresh.ok("GET", "/view", null);
                bob.connect(Arena.ORIGIN);
                Arena.pause(30);
                bob.drop();
            }
        } finally {
            on.set(false);
            for (Thread t : threads) {
                t.join(15_000);
            }
        }
        long started = System.nanoTime();
        senders.get(1).ok("POST", "/messages", "{\"text\":\"still moving?\"}");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms for a command after the storm").isLessThan(5_000);
        Arena.assertReady(base);
    }
}
