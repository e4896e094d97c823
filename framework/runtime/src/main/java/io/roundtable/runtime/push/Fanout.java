package io.roundtable.runtime.push;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.roundtable.core.json.Json;
import io.roundtable.core.message.Delivery;
import io.roundtable.core.message.Message;
import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.Result;
import io.roundtable.core.view.Frame;
import io.roundtable.core.view.Frames;
import io.roundtable.runtime.protocol.ServerMessage;
import io.roundtable.runtime.rooms.RoomQueue;
import io.roundtable.runtime.store.RoomStore;
import io.smallrye.mutiny.Uni;

/**
 * The room sockets this node holds, and the pushes to them: for every committed change each socket
 * gets the delta of its own viewer's frame, its own inbox messages (gap-free) and the public events.
 */
@ApplicationScoped
public class Fanout {
    private final Map<String, Set<Subscriber>> byRoom = new ConcurrentHashMap<>();
    private final Map<String, Subscriber> byConnection = new ConcurrentHashMap<>();
    private final GameCatalog games;
    private final RoomStore store;
    private final RoomQueue queue;

    public Fanout(GameCatalog games, RoomStore store, RoomQueue queue, MeterRegistry metrics) {
        this.games = games;
        this.store = store;
        this.queue = queue;
        metrics.gaugeMapSize("roundtable.rooms.local", List.of(), byRoom);
        metrics.gauge("roundtable.connections", this, Fanout::connections);
    }

    public void add(Subscriber subscriber) {
        byRoom.computeIfAbsent(subscriber.room, r -> new CopyOnWriteArraySet<>()).add(subscriber);
        byConnection.put(subscriber.connection.id(), subscriber);
    }

    public void remove(Subscriber subscriber) {
        byConnection.remove(subscriber.connection.id());
        byRoom.computeIfPresent(subscriber.room, (r, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    public Subscriber of(WebSocketConnection connection) {
        return byConnection.get(connection.id());
    }

    public Collection<Subscriber> all() {
        return byConnection.values();
    }

    /**
     * Brings a socket's frame up to date: nothing but "synced" if the client already has the current
     * version, the deltas it missed if the recent history still holds its version, a snapshot otherwise.
     */
    public void catchUp(Subscriber s, Room room, Long clientVersion, List<Room> history) {
        s.caughtUp = false;
        s.lastFrame(null);
        s.lastVersion = -1;
        var game = games.playedIn(room);
        if (clientVersion != null && clientVersion == room.version()) {
            s.lastFrame(Frames.parts(room, game, s.member));
            s.lastVersion = room.version();
            send(s, new ServerMessage.Synced(room.version()));
            return;
        }
        List<Room> missed = history.stream()
                .filter(r -> clientVersion != null && r.version() >= clientVersion && r.version() < room.version())
                .sorted(Comparator.comparingLong(Room::version)).toList();
        if (!missed.isEmpty() && missed.get(0).version() == clientVersion) {
            s.lastFrame(Frames.parts(missed.get(0), game, s.member));
            s.lastVersion = clientVersion;
            missed.stream().skip(1).forEach(r -> pushFrame(s, r));
        }
        pushFrame(s, room);
    }

    /** Sends the inbox messages after {@code clientInbox} (default: after the member's last acknowledgement). */
    public void catchUpInbox(Subscriber s, Room room, Long clientInbox, List<Message> inbox) {
        long acked = room.member(s.member).map(m -> m.ackedSeq()).orElse(0L);
        s.lastInboxSeq = clientInbox == null ? acked : Math.max(0, clientInbox);
        sendInbox(s, inbox, Long.MAX_VALUE);
        s.caughtUp = true;
    }

    public boolean holds(String room) {
        return byRoom.containsKey(room);
    }

    /** The rooms this node holds sockets of. */
    public Set<String> heldRooms() {
        return Set.copyOf(byRoom.keySet());
    }

    /**
     * Brings every caught-up socket of the room up to the room as given: its frame, and the inbox
     * messages it has not had (read from the store). For changes this node may not have heard of; run it
     * in the room's queue.
     */
    public Uni<Void> refresh(Room room) {
        push(room, List.of(), List.of());
        List<Uni<Void>> inboxes = subscribers(room.id()).stream()
                .filter(s -> s.caughtUp && room.member(s.member).map(m -> m.inboxSeq() > s.lastInboxSeq).orElse(false))
                .map(s -> store.inbox(s.room, s.member).invoke(inbox -> sendInbox(s, inbox, Long.MAX_VALUE))
                        .replaceWithVoid())
                .toList();
        return inboxes.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(inboxes).andFailFast().replaceWithVoid();
    }

    public Set<Subscriber> subscribers(String room) {
        return byRoom.getOrDefault(room, Set.of());
    }

    public int connections() {
        return byConnection.size();
    }

    /**
     * A change this node committed: push it at once. {@code route}, when the command came over one of this
     * node's sockets, lets a protocol-2 socket get its reply inside the change's patch.
     */
    public void committed(Result step, ReplyRoute route) {
        push(step.room(), step.deliveries(), step.events(), route == null ? null : route.answer(step.reply()), route);
    }

    /** Pushes a room version with its deliveries and events to every local socket of the room. */
    public void push(Room room, List<Delivery> deliveries, List<Object> events) {
        push(room, deliveries, events, null, null);
    }

    private void push(Room room, List<Delivery> deliveries, List<Object> events, ServerMessage.Reply reply,
            ReplyRoute route) {
        Set<Subscriber> sockets = subscribers(room.id());
        if (sockets.isEmpty()) {
            return;
        }
        // What every viewer is shown alike is built, and diffed, once for all of this room's sockets.
        Push push = Push.of(room, games.playedIn(room));
        for (Subscriber s : sockets) {
            if (!s.caughtUp) {
                continue;
            }
            if (room.member(s.member).filter(m -> !m.bot()).isEmpty()) {
                // Left, kicked, or replaced by a bot: this socket no longer sees anything of the room.
                s.connection.close(new CloseReason(CloseCodes.NOT_A_MEMBER, "You are no longer a member of this room."))
                        .subscribe().with(x -> { }, e -> { });
                continue;
            }
            if (s.protocol() >= 2 && s.hasFrame() && room.version() > s.lastVersion) {
                // One message for the change: the patch with its events, and the reply when the change is
                // this socket's command and no inbox message of it should come first.
                boolean answered = reply != null && route.socket == s
                        && deliveries.stream().noneMatch(d -> d.member().equals(s.member));
                pushPatch(s, push, events.isEmpty() ? null : events, answered ? reply : null);
                if (answered) {
                    route.markDelivered();
                }
                deliver(s, deliveries);
                continue;
            }
            pushFrame(s, push);
            deliver(s, deliveries);
            if (!events.isEmpty() && s.lastVersion >= room.version()) {
                send(s, new ServerMessage.Events(room.version(), events));
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

    /** One room version being pushed: the room, what every viewer is shown alike, and their diffs. */
    private record Push(Room room, GameAdapter<?, ?, ?> game, Frames.Shared shared, SharedDiffs diffs) {
        static Push of(Room room, GameAdapter<?, ?, ?> game) {
            Frames.Shared shared = Frames.shared(room, game);
            return new Push(room, game, shared, new SharedDiffs(shared));
        }
    }

    /** Sends the viewer's frame at the room's version as a delta from what it was sent last. */
    void pushFrame(Subscriber s, Room room) {
        pushFrame(s, Push.of(room, games.playedIn(room)));
    }

    private void pushFrame(Subscriber s, Push push) {
        Room room = push.room();
        if (room.version() <= s.lastVersion) {
            return;
        }
        if (s.hasFrame()) {
            pushPatch(s, push, null, null);
            return;
        }
        Frame frame = Frames.parts(room, push.game(), s.member, push.shared());
        send(s, new ServerMessage.Snapshot(room.version(), frame.tree()));
        s.lastFrame(frame);
        s.lastVersion = room.version();
    }

    /** Sends the delta from the viewer's last frame to the room's version, with what else it carries. */
    private void pushPatch(Subscriber s, Push push, List<Object> events, ServerMessage.Reply reply) {
        Room room = push.room();
        Frame frame = Frames.parts(room, push.game(), s.member, push.shared());
        Frame held = s.lastParts();
        // A busy socket's frame is diffed typed; a quiet one's was kept as bytes and is diffed as JSON.
        JsonNode ops = held != null ? Frames.delta(held, frame, push.diffs())
                : Frames.delta(s.lastTree(), frame.tree(), push.diffs());
        send(s, new ServerMessage.Patch(s.lastVersion, room.version(), ops, events, reply));
        s.lastFrame(frame);
        s.lastVersion = room.version();
    }

    /** Sends one inbox message, first filling any gap from Redis so the client sees every sequence number. */
    void pushMessage(Subscriber s, Message message) {
        if (message.seq() <= s.lastInboxSeq) {
            return;
        }
        if (message.seq() > s.lastInboxSeq + 1) {
            // Read the missed ones from Redis in the room's next turn. The returned Uni must be
            // subscribed: its place in the room's queue is taken when it is made, and an unsubscribed
            // one would hold every later command of the room forever.
            resyncInbox(s).subscribe().with(x -> { }, e -> s.connection.close(new CloseReason(
                    CloseCodes.RESUME_ELSEWHERE, "Reconnect and resume.")).subscribe().with(y -> { }, z -> { }));
            return;
        }
        send(s, new ServerMessage.Inbox(message));
        s.lastInboxSeq = message.seq();
    }

    /** Reads the stored inbox and sends whatever this socket has not had yet, in sequence order. */
    public Uni<Void> resyncInbox(Subscriber s) {
        return queue.run(s.room, () -> store.inbox(s.room, s.member)
                .invoke(inbox -> sendInbox(s, inbox, Long.MAX_VALUE)).replaceWithVoid());
    }

    /** Sends stored inbox messages after the subscriber's last one and before {@code before}. */
    void sendInbox(Subscriber s, List<Message> inbox, long before) {
        if (!inbox.isEmpty() && inbox.get(0).seq() > s.lastInboxSeq + 1) {
            send(s, new ServerMessage.Gap(s.lastInboxSeq + 1, inbox.get(0).seq() - 1));
            s.lastInboxSeq = inbox.get(0).seq() - 1;
        }
        for (Message m : inbox) {
            if (m.seq() > s.lastInboxSeq && m.seq() < before) {
                send(s, new ServerMessage.Inbox(m));
                s.lastInboxSeq = m.seq();
            }
        }
    }

    /**
     * This node could not push a change of the room (its store did not answer): the room's sockets here
     * are closed with {@link CloseCodes#RESUME_ELSEWHERE}, so that their clients reconnect and resume
     * rather than wait, unknowingly behind, for a change that may never come.
     */
    public void resumeElsewhere(String room) {
        for (Subscriber s : subscribers(room)) {
            s.connection.close(new CloseReason(CloseCodes.RESUME_ELSEWHERE, "Reconnect and resume."))
                    .subscribe().with(x -> { }, e -> { });
        }
    }

    /** The room was removed: its sockets are closed. */
    public void closed(String room) {
        for (Subscriber s : subscribers(room)) {
            s.connection.close(new CloseReason(CloseCodes.ROOM_GONE, "The room no longer exists."))
                    .subscribe().with(x -> { }, e -> { });
        }
    }

    public void send(Subscriber s, ServerMessage message) {
        if (s.connection.isOpen()) {
            s.connection.sendText(Json.write(message)).subscribe().with(x -> { }, e -> { });
        }
    }
}
