package io.roundtable.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

/**
 * What redis-benchmark's SET test does by default: {@code clients} connections, each sending one SET
 * and waiting for its reply before the next (no pipelining), for {@code seconds}. Returns SETs per second.
 */
final class RedisSetRate {
    /** The one key redis-benchmark writes without {@code -r}; on a cluster, measured on its slot's master. */
    static final String KEY = "key:__rand_int__";

    private RedisSetRate() {
    }

    static double measure(Vertx vertx, int port, int clients, int seconds) {
        NetClient client = vertx.createNetClient();
        LongAdder done = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        Buffer set = Buffer.buffer("*3\r\n$3\r\nSET\r\n$16\r\n" + KEY + "\r\n$3\r\nxxx\r\n", StandardCharsets.US_ASCII.name());
        for (int i = 0; i < clients; i++) {
            client.connect(port, "127.0.0.1").onSuccess(socket -> loop(socket, set, done, running));
        }
        Cluster.sleep(500);
        long before = done.sum();
        long start = System.nanoTime();
        Cluster.sleep(seconds * 1000L);
        double rate = (done.sum() - before) / ((System.nanoTime() - start) / 1e9);
        running.set(false);
        client.close();
        return rate;
    }

    private static void loop(NetSocket socket, Buffer set, LongAdder done, AtomicBoolean running) {
        socket.handler(reply -> {
            int oks = 0;
            for (int i = 0; i < reply.length(); i++) {
                if (reply.getByte(i) == '+') {
                    oks++;
                }
            }
            done.add(oks);
            if (running.get()) {
                socket.write(set);
            } else {
                socket.close();
            }
        });
        socket.write(set);
    }
}
