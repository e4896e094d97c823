package io.roundtable.runtime.rooms;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.roundtable.runtime.push.Fanout;
import io.roundtable.runtime.store.LiveRooms;
import io.roundtable.runtime.store.Notice;
import io.roundtable.runtime.store.RoomStore;
import io.smallrye.mutiny.Uni;

/**
 * Listens to the change notices of the rooms this node follows (those it holds sockets of,
 * {@link Fanout#add}). A notice from another node brings this node's copy of the room to the new version
 * ({@link LiveRooms#heard}), and delivery brings this node's sockets of the room to it
 * ({@link Fanout#changedElsewhere}).
 *
 * <p>The store delivers a notice only to subscriptions active when it is published. When the
 * subscription ends or fails (a Redis restart, a master's failover, a network blip) no copy of a room is
 * trusted, the subscription is made again after a short pause (every followed room followed on it), and
 * once it is active again every room this node holds sockets of is read afresh and pushed
 * ({@link Fanout#catchUpHeldRooms}): whatever was committed while this node was not listening reaches
 * its clients.
 */
@ApplicationScoped
public class ChangeListener {
    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private final RoomStore store;
    private final LiveRooms rooms;
    private final Fanout fanout;
    private final NodeId node;
    private volatile boolean stopping;

    public ChangeListener(RoomStore store, LiveRooms rooms, Fanout fanout, NodeId node) {
        this.node = node;
        this.store = store;
        this.rooms = rooms;
        this.fanout = fanout;
    }

    void start(@Observes StartupEvent event) {
        subscribe();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Subscribes to the change notices, and again whenever the subscription ends or fails, after a
     * short pause. Each subscription resubscribes once, however it ends.
     */
    private void subscribe() {
        if (stopping) {
            return;
        }
        AtomicBoolean over = new AtomicBoolean();
        try {
            store.subscribe(this::onNotice, why -> resubscribe(over, why))
                    .subscribe().with(active -> {
                        rooms.listening();
                        fanout.catchUpHeldRooms();
                    }, failure -> resubscribe(over, "could not be subscribed: " + failure.getMessage()));
        } catch (RuntimeException e) {
            resubscribe(over, "could not be subscribed: " + e.getMessage());
        }
    }

    private void resubscribe(AtomicBoolean over, String why) {
        if (stopping || !over.compareAndSet(false, true)) {
            return;
        }
        rooms.deaf();
        LOG.warnf("Change notices %s; subscribing again", why);
        Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofSeconds(1))
                .subscribe().with(x -> subscribe(), e -> subscribe());
    }

    void onNotice(Notice notice) {
        if (node.id().equals(notice.node())) {
            return;
        }
        rooms.heard(notice);
        fanout.changedElsewhere(notice.room(), notice.deliveries(), notice.events());
    }
}
