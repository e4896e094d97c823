package io.roundtable.runtime.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.roundtable.core.json.Json;
import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.rooms.RoomQueue;
import io.roundtable.runtime.rooms.RoomService;
import io.roundtable.runtime.store.Notice;
import io.roundtable.runtime.store.RoomKeys;

/**
 * Listens to every node's change notices. A notice from another node makes this node's copy of the
 * room stale and, when this node holds sockets of that room, pushes the new version to them.
 */
@ApplicationScoped
public class ChangeListener {
    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private final ReactiveRedisDataSource redis;
    private final RoomService rooms;
    private final RoomQueue queue;
    private final Fanout fanout;
    private final String channel;

    public ChangeListener(ReactiveRedisDataSource redis, RoomService rooms, RoomQueue queue, Fanout fanout,
            RoundtableConfig config) {
        this.redis = redis;
        this.rooms = rooms;
        this.queue = queue;
        this.fanout = fanout;
        this.channel = RoomKeys.changes(config.store().prefix());
    }

    void start(@Observes StartupEvent event) {
        subscribe();
    }

    /**
     * Subscribes to the change notices, and again whenever the subscription ends or fails (a Redis
     * restart, a network blip), after a short pause.
     */
    private void subscribe() {
        redis.pubsub(String.class).subscribe(channel)
                .subscribe().with(this::onNotice, failure -> resubscribe("failed: " + failure.getMessage()),
                        () -> resubscribe("ended"));
    }

    private void resubscribe(String why) {
        LOG.warnf("Change notices %s; subscribing again", why);
        io.smallrye.mutiny.Uni.createFrom().voidItem().onItem().delayIt().by(java.time.Duration.ofSeconds(1))
                .subscribe().with(x -> subscribe(), e -> subscribe());
    }

    void onNotice(String json) {
        Notice notice;
        try {
            notice = Json.read(json, Notice.class);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Unreadable change notice ignored: %s", e.getMessage());
            return;
        }
        if (fanout.node().equals(notice.node())) {
            return;
        }
        rooms.invalidate(notice.room(), notice.version());
        if (!fanout.holds(notice.room())) {
            return;
        }
        queue.run(notice.room(), () -> rooms.current(notice.room()).invoke(room -> {
            if (room != null) {
                fanout.push(room, notice.deliveries(), notice.events());
            }
        })).subscribe().with(x -> { }, e -> LOG.warnf("Push of %s failed: %s", notice.room(), e.getMessage()));
    }
}
