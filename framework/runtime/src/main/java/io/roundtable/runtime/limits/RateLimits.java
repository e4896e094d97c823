package io.roundtable.runtime.limits;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.quarkus.scheduler.Scheduled;
import io.roundtable.runtime.config.RoundtableConfig;

/**
 * Token buckets (Bucket4j) for every per-client limit of this node: commands per member, rooms and
 * joins per client address, socket messages per socket, sockets per client address.
 */
@ApplicationScoped
public class RateLimits {
    private final RoundtableConfig config;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> sockets = new ConcurrentHashMap<>();

    public RateLimits(RoundtableConfig config) {
        this.config = config;
    }

    /** One command of a member (REST or WebSocket). */
    public boolean command(String room, String member) {
        int rate = config.limits().commandsPerSecond();
        return take("cmd:" + room + ":" + member, rate * 2, rate, Duration.ofSeconds(1));
    }

    public boolean createRoom(String client) {
        int rate = config.limits().roomsPerMinute();
        return take("create:" + client, rate, rate, Duration.ofMinutes(1));
    }

    public boolean join(String client) {
        int rate = config.limits().joinsPerMinute();
        return take("join:" + client, rate, rate, Duration.ofMinutes(1));
    }

    /** A fresh bucket for the messages of one socket. */
    public Bucket socketFrames() {
        int rate = config.ws().framesPerSecond();
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(rate * 2L).refillGreedy(rate, Duration.ofSeconds(1))
                .build()).build();
    }

    /** Counts a socket of a client address; false when it already has as many as allowed. */
    public boolean openSocket(String client) {
        AtomicInteger count = sockets.computeIfAbsent(client, c -> new AtomicInteger());
        if (count.incrementAndGet() > config.limits().socketsPerClient()) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    public void closeSocket(String client) {
        sockets.computeIfPresent(client, (c, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    private boolean take(String key, long capacity, long refill, Duration period) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build()).build())
                .tryConsume(1);
    }

    /** Full buckets carry no information; dropping them keeps memory flat. */
    @Scheduled(every = "60s")
    void forgetIdle() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= 10);
    }
}
