package io.roundtable.runtime.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.WebSocketConnection;
import io.roundtable.core.message.Delivery;
import io.roundtable.core.message.Message;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.Result;
import io.roundtable.core.room.Room;
import io.roundtable.core.view.Frames;
import io.roundtable.runtime.order.RoomQueue;
import io.roundtable.runtime.protocol.ServerMessage;
import io.roundtable.runtime.store.LiveRooms;
import io.roundtable.runtime.store.RoomStore;
import io.smallrye.mutiny.Uni;

/**
 * Delivery: the room sockets this node holds, and everything they are sent. For every change this node
 * commits, and every change another node committed ({@link #changedElsewhere}), each socket gets the
 * delta of its own viewer's frame, its own inbox messages (gap-free) and the public events. A socket that
 * opens or asks to {@code sync} is brought up to date from its client's version ({@link #resume}); one
 * whose inbox has a gap is refilled from the store; sockets whose room this node could not read are
 * closed so that their clients resume elsewhere. All of it runs in the room's turn ({@link RoomQueue}), so
 * a socket sees versions in order.
 */
@ApplicationScoped
public class Fanout {
    private static final Logger LOG = Logger.getLogger(Fanout.class);
    private static final int PUSH_RETRIES = 5;
    private final Map<String, Set<Subscriber>> byRoom = new ConcurrentHashMap<>();
    private final Map<String, Subscriber> byConnection = new ConcurrentHashMap<>();
    private final GameCatalog games;
    private final RoomStore store;
    private final LiveRooms live;
    private final RoomQueue queue;

    public Fanout(GameCatalog games, RoomStore store, LiveRooms live, RoomQueue queue, MeterRegistry metrics) {
        this.games = games;
        this.store = store;
        this.live = live;
        this.queue = queue;
        metrics.gaugeMapSize("roundtable.rooms.local", List.of(), byRoom);
        metrics.gauge("roundtable.connections", this, Fanout::connections);
    }

    /**
     * Holds a socket; the room's first socket here makes this node follow the room. Completes once the
     * room's change notices are heard, so that what the socket is then sent misses no change.
     */
    public Uni<Void> add(Subscriber subscriber) {
        byConnection.put(subscriber.connection.id(), subscriber);
        List<Uni<Void>> followed = new ArrayList<>(1);
        byRoom.compute(subscriber.room, (r, set) -> {
            Set<Subscriber> sockets = set != null ? set : new CopyOnWriteArraySet<>();
            sockets.add(subscriber);
            followed.add(live.follow(r)); // in the room's entry: never interleaved with its last socket's unfollow
            return sockets;
        });
        return followed.get(0);
    }

    /** Lets a socket go; with the room's last socket here, this node stops following the room. */
    public void remove(Subscriber subscriber) {
        byConnection.remove(subscriber.connection.id());
        byRoom.computeIfPresent(subscriber.room, (r, set) -> {
            set.remove(subscriber);
            if (set.isEmpty()) {
                live.unfollow(r);
                return null;
            }
            return set;
        });
    }

    public Subscriber of(WebSocketConnection connection) {
        return byConnection.get(connection.id());
    }

    public Collection<Subscriber> all() {
        return byConnection.values();
    }

    public boolean holds(String room) {
        return byRoom.containsKey(room);
    }

    public Set<Subscriber> subscribers(String room) {
        return byRoom.getOrDefault(room, Set.of());
    }

    public int connections() {
        return byConnection.size();
    }

    /**
     * Brings a socket up to date, in the room's turn: nothing but "synced" if its client already has the
     * current version, the deltas it missed if the recent history still holds its version, a snapshot
     * otherwise; then the inbox messages after {@code clientInbox} (default: after the member's last
     * acknowledgement). A socket that cannot be brought up to date (the store did not answer) would stay
     * open and silent, its client unknowingly behind: it is closed, and the client resumes elsewhere.
     */
    public Uni<Void> resume(Subscriber s, Long clientVersion, Long clientInbox) {
        return queue.run(s.room, () -> live.fresh(s.room).chain(room -> {
            if (room == null) {
                return Uni.createFrom().voidItem();
            }
            Uni<List<Room>> history = clientVersion == null || clientVersion >= room.version()
                    ? Uni.createFrom().item(List.of())
                    : store.history(s.room);
            return history.chain(past -> {
                catchUp(s, room, clientVersion, past);
                return store.inbox(s.room, s.member);
            }).invoke(messages -> catchUpInbox(s, room, clientInbox, messages)).replaceWithVoid();
        })).onFailure().invoke(e -> s.close(CloseCodes.RESUME_ELSEWHERE,
                "Could not bring you up to date; reconnect and resume.")).onFailure().recoverWithNull();
    }

    private void catchUp(Subscriber s, Room room, Long clientVersion, List<Room> history) {
        s.caughtUp = false;
        s.lastFrame(null);
        s.lastVersion = -1;
        var game = games.playedIn(room);
        if (clientVersion != null && clientVersion == room.version()) {
            s.lastFrame(Frames.parts(room, game, s.member));
            s.lastVersion = room.version();
            s.send(new ServerMessage.Synced(room.version()));
            return;
        }
        List<Room> missed = history.stream()
                .filter(r -> clientVersion != null && r.version() >= clientVersion && r.version() < room.version())
                .sorted(Comparator.comparingLong(Room::version)).toList();
        if (!missed.isEmpty() && missed.get(0).version() == clientVersion) {
            s.lastFrame(Frames.parts(missed.get(0), game, s.member));
            s.lastVersion = clientVersion;
            missed.stream().skip(1).forEach(r -> SocketFrames.frame(s, SocketFrames.Version.of(r, game)));
        }
        SocketFrames.frame(s, SocketFrames.Version.of(room, game));
    }

    private void catchUpInbox(Subscriber s, Room room, Long clientInbox, List<Message> inbox) {
        long acked = room.member(s.member).map(m -> m.ackedSeq()).orElse(0L);
        s.lastInboxSeq = clientInbox == null ? acked : Math.max(0, clientInbox);
        sendInbox(s, inbox);
        s.caughtUp = true;
    }

    /**
     * Another node committed a change of the room: if this node holds sockets of it, they are brought to
     * the room as this node now knows it (the change applied, {@link LiveRooms#heard}, or read again) with
     * the change's deliveries and events.
     */
    public void changedElsewhere(String room, List<Delivery> deliveries, List<Object> events) {
        if (holds(room)) {
            inTurn(room, "Push", () -> live.current(room).invoke(current -> {
                if (current != null) {
                    push(current, deliveries, events);
                }
            }).replaceWithVoid(), 0);
        }
    }

    /**
     * This node may have missed changes (it was not listening): every room it holds sockets of is read
     * afresh, and each caught-up socket gets its frame and the inbox messages it has not had.
     */
    public void catchUpHeldRooms() {
        for (String room : Set.copyOf(byRoom.keySet())) {
            inTurn(room, "Catching up", () -> live.fresh(room)
                    .chain(current -> current == null ? Uni.createFrom().voidItem() : refresh(current)), 0);
        }
    }

    private Uni<Void> refresh(Room room) {
        push(room, List.of(), List.of());
        List<Uni<Void>> inboxes = subscribers(room.id()).stream()
                .filter(s -> s.caughtUp && room.member(s.member).map(m -> m.inboxSeq() > s.lastInboxSeq).orElse(false))
                .map(s -> store.inbox(s.room, s.member).invoke(inbox -> sendInbox(s, inbox)).replaceWithVoid())
                .toList();
        return inboxes.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(inboxes).andFailFast().replaceWithVoid();
    }

    /**
     * Runs delivery work in the room's turn. When the store does not answer (a restart, still loading its
     * data), tries again a few times with backoff (for about 8 s); then closes the room's sockets here so
     * that their clients resume, rather than leave them behind until the room's next change, which may
     * never come.
     */
    private void inTurn(String room, String what, Supplier<Uni<Void>> work, int attempt) {
        queue.run(room, work).subscribe().with(x -> { }, e -> {
            if (attempt < PUSH_RETRIES) {
                LOG.debugf("%s of %s failed (%s); retrying", what, room, e.getMessage());
                Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(250L << attempt))
                        .subscribe().with(x -> inTurn(room, what, work, attempt + 1),
                                x -> inTurn(room, what, work, attempt + 1));
            } else {
                LOG.warnf("%s of %s failed %d times (%s); its sockets here are closed so that their clients resume",
                        what, room, attempt + 1, e.getMessage());
                subscribers(room).forEach(s -> s.close(CloseCodes.RESUME_ELSEWHERE, "Reconnect and resume."));
            }
        });
    }

    /**
     * A change this node committed: push it at once. {@code route}, when the command came over one of this
     * node's sockets, lets a protocol-2 socket get its reply inside the change's patch.
     */
    public void committed(Result step, ReplyRoute route) {
        push(step.room(), step.deliveries(), step.events(), route == null ? null : route.answer(step.reply()), route);
    }

    private void push(Room room, List<Delivery> deliveries, List<Object> events) {
        push(room, deliveries, events, null, null);
    }

    private void push(Room room, List<Delivery> deliveries, List<Object> events, ServerMessage.Reply reply,
            ReplyRoute route) {
        Set<Subscriber> sockets = subscribers(room.id());
        if (sockets.isEmpty()) {
            return;
        }
        SocketFrames.Version version = SocketFrames.Version.of(room, games.playedIn(room));
        String eventsJson = SocketFrames.events(events);
        for (Subscriber s : sockets) {
            if (!s.caughtUp) {
                continue;
            }
            if (room.member(s.member).filter(m -> !m.bot()).isEmpty()) {
                // Left, kicked, or replaced by a bot: this socket no longer sees anything of the room.
                s.close(CloseCodes.NOT_A_MEMBER, "You are no longer a member of this room.");
                continue;
            }
            if (s.protocol() >= 2 && s.hasFrame() && room.version() > s.lastVersion) {
                // One message for the change: the patch with its events, and the reply when the change is
                // this socket's command and no inbox message of it should come first.
                boolean answered = reply != null && route.socket == s
                        && deliveries.stream().noneMatch(d -> d.member().equals(s.member));
                SocketFrames.patch(s, version, eventsJson, answered ? reply : null);
                if (answered) {
                    route.markDelivered();
                }
                deliver(s, deliveries);
                continue;
            }
            SocketFrames.frame(s, version);
            deliver(s, deliveries);
            if (!events.isEmpty() && s.lastVersion >= room.version()) {
                s.send(new ServerMessage.Events(room.version(), events));
            }
        }
    }

    private void deliver(Subscriber s, List<Delivery> deliveries) {
        for (Delivery d : deliveries) {
            if (d.member().equals(s.member)) {
                pushMessage(s, d.message());
            }
        }
    }

    /** Sends one inbox message, first filling any gap from the store so the client sees every sequence number. */
    private void pushMessage(Subscriber s, Message message) {
        if (message.seq() <= s.lastInboxSeq) {
            return;
        }
        if (message.seq() > s.lastInboxSeq + 1) {
            // Read the missed ones in the room's next turn. The Uni must be subscribed: its place in the
            // room's queue is taken when it is subscribed, and the turn is given up when it ends.
            queue.run(s.room, () -> store.inbox(s.room, s.member).invoke(inbox -> sendInbox(s, inbox)).replaceWithVoid())
                    .subscribe().with(x -> { }, e -> s.close(CloseCodes.RESUME_ELSEWHERE, "Reconnect and resume."));
            return;
        }
        s.send(new ServerMessage.Inbox(message));
        s.lastInboxSeq = message.seq();
    }

    /** Sends the stored inbox messages after the subscriber's last one, announcing a gap the store no longer holds. */
    private void sendInbox(Subscriber s, List<Message> inbox) {
        if (!inbox.isEmpty() && inbox.get(0).seq() > s.lastInboxSeq + 1) {
            s.send(new ServerMessage.Gap(s.lastInboxSeq + 1, inbox.get(0).seq() - 1));
            s.lastInboxSeq = inbox.get(0).seq() - 1;
        }
        for (Message m : inbox) {
            if (m.seq() > s.lastInboxSeq) {
                s.send(new ServerMessage.Inbox(m));
                s.lastInboxSeq = m.seq();
            }
        }
    }

    /** The room was removed: its sockets are closed. */
    public void closed(String room) {
        subscribers(room).forEach(s -> s.close(CloseCodes.ROOM_GONE, "The room no longer exists."));
    }
}
