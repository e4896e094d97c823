package io.roundtable.runtime.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.roundtable.core.json.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The change notices of the rooms this node follows, on Redis sharded pub/sub ({@code SSUBSCRIBE}): each
 * room has its own channel in its own slot ({@link RoomKeys#changes}), so on a Cluster a notice goes only
 * from the room's master to the nodes that follow the room, and no node hears every room. One connection
 * (a Cluster connection sends each channel's subscription to its master). When any part of it ends, or
 * Redis drops a followed channel (its slot moved), the whole subscription is over: the caller is told and
 * subscribes again, and every followed room is followed again on the new one.
 */
final class NoticeChannels {
    private static final Logger LOG = Logger.getLogger(NoticeChannels.class);
    private final Redis redis;
    private final Duration followWait;
    /** The channels followed, whether or not a subscription is active now. */
    private final Set<String> followed = ConcurrentHashMap.newKeySet();
    private volatile Listening current;

    NoticeChannels(Redis redis, Duration followWait) {
        this.redis = redis;
        this.followWait = followWait;
    }

    /** Opens a subscription and follows every followed channel on it; completes once Redis confirmed them. */
    Uni<Void> subscribe(Consumer<Notice> listener, Consumer<String> lost) {
        return redis.connect().chain(connection -> {
            Listening listening = new Listening(connection, listener, lost);
            connection.handler(listening::reply);
            connection.exceptionHandler(e -> listening.over("failed: " + e.getMessage()));
            connection.endHandler(() -> listening.over("ended"));
            Listening before = current;
            current = listening;
            if (before != null) {
                before.end();
            }
            List<Uni<Void>> all = new ArrayList<>();
            followed.forEach(channel -> all.add(listening.follow(channel)));
            return all.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(all).andFailFast().replaceWithVoid();
        });
    }

    /**
     * Follows a channel: completes once Redis confirmed it on the active subscription, or at once when
     * none is active (it is followed when one is made, and its room caught up then).
     */
    Uni<Void> follow(String channel) {
        followed.add(channel);
        Listening listening = current;
        return listening == null ? Uni.createFrom().voidItem() : listening.follow(channel);
    }

    void unfollow(String channel) {
        followed.remove(channel);
        Listening listening = current;
        if (listening != null) {
            listening.connection.send(Request.cmd(Command.SUNSUBSCRIBE).arg(channel))
                    .subscribe().with(x -> { }, e -> listening.over("failed: " + e.getMessage()));
        }
    }

    /** One subscription connection, until it is over. */
    private final class Listening {
        final RedisConnection connection;
        final Consumer<Notice> listener;
        final Consumer<String> lost;
        final AtomicBoolean ended = new AtomicBoolean();
        /** Per channel, the follows waiting for Redis's confirmation, in the order they were asked. */
        final Map<String, Queue<Runnable>> waiting = new ConcurrentHashMap<>();

        Listening(RedisConnection connection, Consumer<Notice> listener, Consumer<String> lost) {
            this.connection = connection;
            this.listener = listener;
            this.lost = lost;
        }

        Uni<Void> follow(String channel) {
            return Uni.createFrom().<Void>emitter(confirmed -> {
                waiting.computeIfAbsent(channel, c -> new ConcurrentLinkedQueue<>()).add(() -> confirmed.complete(null));
                connection.send(Request.cmd(Command.SSUBSCRIBE).arg(channel))
                        .subscribe().with(x -> { }, e -> over("could not follow " + channel + ": " + e.getMessage()));
            }).ifNoItem().after(followWait).recoverWithItem(() -> {
                over("following " + channel + " was not confirmed in " + followWait.toMillis() + " ms");
                return null;
            });
        }

        /** Pushed by Redis: a notice, or the confirmation of a follow, or a channel dropped. */
        void reply(Response reply) {
            if (reply == null || reply.size() < 3) {
                return;
            }
            String kind = reply.get(0).toString();
            String channel = reply.get(1).toString();
            switch (kind) {
                case "smessage" -> heard(reply.get(2).toString());
                case "ssubscribe" -> {
                    Runnable first = waiting.getOrDefault(channel, new ConcurrentLinkedQueue<>()).poll();
                    if (first != null) {
                        first.run();
                    }
                }
                case "sunsubscribe" -> {
                    if (followed.contains(channel)) {
                        over("Redis dropped " + channel + " (its slot moved)");
                    }
                }
                default -> { }
            }
        }

        private void heard(String json) {
            Notice notice;
            try {
                notice = Json.read(json, Notice.class);
            } catch (IllegalArgumentException e) {
                LOG.warnf("Unreadable change notice ignored: %s", e.getMessage());
                return;
            }
            listener.accept(notice);
        }

        /** The subscription is over: its waiting follows are let go, and the caller is told (once). */
        void over(String why) {
            if (end()) {
                lost.accept(why);
            }
        }

        /** Ends the subscription; false if it had ended already. */
        boolean end() {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            if (current == this) {
                current = null;
            }
            waiting.values().forEach(queue -> queue.forEach(Runnable::run));
            waiting.clear();
            connection.close().subscribe().with(x -> { }, e -> { });
            return true;
        }
    }
}
