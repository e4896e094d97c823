package io.roundtable.runtime.push;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.roundtable.runtime.rooms.NodeId;
import io.roundtable.runtime.rooms.RoomQueue;
import io.roundtable.runtime.rooms.RoomService;
import io.roundtable.runtime.store.Notice;
import io.roundtable.runtime.store.RoomStore;
import io.smallrye.mutiny.Uni;

/**
 * Listens to every node's change notices. A notice from another node makes this node's copy of the
 * room stale and, when this node holds sockets of that room, pushes the new version to them.
 *
 * <p>The store delivers a notice only to subscriptions active when it is published. When the
 * subscription ends or fails (a Redis restart, a network blip) it is made again after a short pause,
 * and once it is active again every room this node holds sockets of is read afresh and pushed: whatever
 * was committed while this node was not listening reaches its clients.
 */
@ApplicationScoped
public class ChangeListener {
    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final int PUSH_RETRIES = 5;
    private final RoomStore store;
    private final RoomService rooms;
    private final RoomQueue queue;
    private final Fanout fanout;
    private final NodeId node;
    private volatile boolean stopping;

    public ChangeListener(RoomStore store, RoomService rooms, RoomQueue queue, Fanout fanout, NodeId node) {
        this.node = node;
        this.store = store;
        this.rooms = rooms;
        this.queue = queue;
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
                    .subscribe().with(active -> catchUpHeldRooms(),
                            failure -> resubscribe(over, "could not be subscribed: " + failure.getMessage()));
        } catch (RuntimeException e) {
            resubscribe(over, "could not be subscribed: " + e.getMessage());
        }
    }

    private void resubscribe(AtomicBoolean over, String why) {
        if (stopping || !over.compareAndSet(false, true)) {
            return;
        }
        LOG.warnf("Change notices %s; subscribing again", why);
        Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofSeconds(1))
                .subscribe().with(x -> subscribe(), e -> subscribe());
    }

    /** The subscription is active (again): the rooms this node holds sockets of may have changed unheard. */
    private void catchUpHeldRooms() {
        for (String room : fanout.heldRooms()) {
            rooms.invalidate(room, Long.MAX_VALUE);
            deliver(room, "Catching up", () -> rooms.current(room)
                    .chain(current -> current == null ? Uni.createFrom().voidItem() : fanout.refresh(current)), 0);
        }
    }

    void onNotice(Notice notice) {
        if (node.id().equals(notice.node())) {
            return;
        }
        rooms.invalidate(notice.room(), notice.version());
        if (!fanout.holds(notice.room())) {
            return;
        }
        push(notice);
    }

    private void push(Notice notice) {
        deliver(notice.room(), "Push", () -> rooms.current(notice.room()).invoke(room -> {
            if (room != null) {
                fanout.push(room, notice.deliveries(), notice.events());
            }
        }).replaceWithVoid(), 0);
    }

    /**
     * Runs a push to the room's sockets in the room's queue. When the store does not answer (a restart,
     * still loading its data), tries again a few times with backoff (for about 8 s); then closes the room's
     * sockets here so that their clients resume, rather than leave them behind until the room's next
     * change, which may never come.
     */
    private void deliver(String room, String what, Supplier<Uni<Void>> work, int attempt) {
        queue.run(room, work).subscribe().with(x -> { }, e -> {
            if (attempt < PUSH_RETRIES) {
                LOG.debugf("%s of %s failed (%s); retrying", what, room, e.getMessage());
                Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(250L << attempt))
                        .subscribe().with(x -> deliver(room, what, work, attempt + 1),
                                x -> deliver(room, what, work, attempt + 1));
            } else {
                LOG.warnf("%s of %s failed %d times (%s); its sockets here are closed so that their clients resume",
                        what, room, attempt + 1, e.getMessage());
                fanout.resumeElsewhere(room);
            }
        });
    }
}
