package io.roundtable.runtime.ws;

import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.json.Json;
import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.limits.RateLimits;
import io.roundtable.runtime.protocol.ErrorBody;
import io.roundtable.runtime.protocol.Problem;
import io.roundtable.runtime.protocol.ServerMessage;
import io.roundtable.runtime.protocol.WireCommand;
import io.roundtable.runtime.push.CloseCodes;
import io.roundtable.runtime.push.Fanout;
import io.roundtable.runtime.push.ReplyRoute;
import io.roundtable.runtime.push.Subscriber;
import io.roundtable.runtime.rooms.CommandIntake;
import io.roundtable.runtime.rooms.Rematches;
import io.smallrye.mutiny.Uni;

/**
 * A member's socket to one room: {@code /ws/rooms/{room}?token=…&version=…&inbox=…}. On open it
 * sends what the client missed since {@code version} / {@code inbox} (deltas when it can, a snapshot
 * otherwise), then pushes every change. Commands may be sent over it too.
 */
@WebSocket(path = "/ws/rooms/{room}", endpointId = RoomSocket.ID)
public class RoomSocket {
    static final String ID = "roundtable-room";
    /** RFC 6455: the endpoint received a message too big for it to process. */
    static final int MESSAGE_TOO_BIG = 1009;
    private static final Logger LOG = Logger.getLogger(RoomSocket.class);

    private final Fanout fanout;
    private final CommandIntake commands;
    private final RateLimits limits;
    private final RoundtableConfig config;
    private final Rematches rematches;

    public RoomSocket(Fanout fanout, CommandIntake commands, RateLimits limits, RoundtableConfig config,
            Rematches rematches) {
        this.rematches = rematches;
        this.fanout = fanout;
        this.commands = commands;
        this.limits = limits;
        this.config = config;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        String room = connection.pathParam("room");
        String member = connection.userData().get(RoomUpgradeCheck.MEMBER);
        Long protocol = number(connection.handshakeRequest().query(), "protocol");
        Subscriber subscriber = new Subscriber(room, member, connection, limits.socketFrames(),
                connection.userData().get(RoomUpgradeCheck.CLIENT), protocol != null && protocol == 2 ? 2 : 1);
        Long version = number(connection.handshakeRequest().query(), "version");
        Long inbox = number(connection.handshakeRequest().query(), "inbox");
        return fanout.add(subscriber).chain(() -> fanout.resume(subscriber, version, inbox))
                .chain(() -> connection.isOpen() ? commands.heartbeat(room, member).onFailure().recoverWithNull()
                        : Uni.createFrom().nullItem())
                .replaceWithVoid();
    }

    @OnTextMessage
    public Uni<Void> onFrame(WebSocketConnection connection, String text) {
        Subscriber s = fanout.of(connection);
        if (s == null) {
            return Uni.createFrom().voidItem();
        }
        int overRate = s.messageArrived();
        if (overRate > 0) {
            if (overRate >= config.ws().floodCloseAfter()) {
                return connection.close(new CloseReason(CloseCodes.FLOODING, "Too many frames; slow down."));
            }
            return send(s, new ServerMessage.Failure(ErrorBody.of(ErrorCode.RATE_LIMITED)));
        }
        WireCommand command;
        try {
            command = Json.read(text, WireCommand.class);
        } catch (IllegalArgumentException e) {
            ErrorCode code = WireCommand.unknownType(e.getCause()) ? ErrorCode.REQUEST_UNKNOWN_COMMAND
                    : ErrorCode.REQUEST_MALFORMED;
            return send(s, new ServerMessage.Failure(ErrorBody.of(code)));
        }
        if (command instanceof WireCommand.Sync sync) {
            return fanout.resume(s, sync.version(), sync.inbox());
        }
        if (command instanceof WireCommand.Ping ping) {
            Uni<?> beat = s.heartbeatDue(config.presence().heartbeatWriteEvery())
                    ? commands.heartbeat(s.room(), s.member())
                    : Uni.createFrom().voidItem();
            return beat.onFailure().recoverWithNull()
                    .chain(() -> send(s, new ServerMessage.Pong(ping.ref(), System.currentTimeMillis())));
        }
        if (command instanceof WireCommand.Rematch rematch) {
            return rematch(s, rematch);
        }
        // A command is a sign of life too, written at most as often as a ping's, and only once the command
        // holds its place in the room's queue: signalling and moves from one socket keep their order.
        boolean signOfLife = s.heartbeatDue(config.presence().heartbeatWriteEvery());
        ReplyRoute route = new ReplyRoute(s, command.ref());
        return commands.handle(s.room(), s.member(), command, false, route)
                .map(route::answer)
                .onFailure(Problem.class).recoverWithItem(p -> new ServerMessage.Reply(command.ref(), false, null,
                        null, ((Problem) p).body()))
                .chain(message -> route.delivered() ? Uni.createFrom().voidItem() : send(s, message))
                .call(() -> commands.afterwards(s.room(), s.member(), command, signOfLife));
    }

    /** Answered with the next room: not a change of this room alone, so not a {@link CommandIntake} command. */
    private Uni<Void> rematch(Subscriber s, WireCommand.Rematch rematch) {
        if (!limits.command(s.room(), s.member())) {
            return send(s, new ServerMessage.Reply(rematch.ref(), false, null, null, ErrorBody.of(ErrorCode.RATE_LIMITED)));
        }
        return rematches.ask(s.room(), s.member(), Optional.ofNullable(s.client()).orElse("unknown"))
                .map(next -> new ServerMessage.Reply(rematch.ref(), true, next.version(), null, null, next.room(),
                        next.created()))
                .onFailure(Problem.class).recoverWithItem(p -> new ServerMessage.Reply(rematch.ref(), false, null,
                        null, ((Problem) p).body()))
                .chain(message -> send(s, message));
    }

    private Uni<Void> send(Subscriber s, ServerMessage message) {
        s.send(message);
        return Uni.createFrom().voidItem();
    }

    /** Frames over the size limit are refused by closing with 1009 (the WebSocket code for "too big"). */
    @OnError
    public Uni<Void> error(WebSocketConnection connection, Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("max message size") || message.contains("too big") || message.contains("too large")) {
            return connection.close(new CloseReason(MESSAGE_TOO_BIG, "The frame is larger than the server accepts."));
        }
        Subscriber s = fanout.of(connection);
        return s == null ? Uni.createFrom().voidItem()
                : send(s, new ServerMessage.Failure(ErrorBody.of(ErrorCode.REQUEST_MALFORMED)));
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        Subscriber s = fanout.of(connection);
        if (s != null) {
            fanout.remove(s);
            limits.closeSocket(Optional.ofNullable(s.client()).orElse("unknown"));
            if (!connectedHere(s.room(), s.member())) {
                whenStillGone(s.room(), s.member(), Instant.now());
            }
        }
    }

    /**
     * A member's last socket here closed (a closed tab, a lost network): if they have not come back here
     * within {@code roundtable.presence.closed-after}, the room shows them offline now rather than when their
     * silence grows long enough (a sign of life elsewhere since the close keeps them as they are).
     */
    private void whenStillGone(String room, String member, Instant at) {
        Uni.createFrom().voidItem().onItem().delayIt().by(config.presence().closedAfter())
                .chain(() -> connectedHere(room, member) ? Uni.createFrom().voidItem() : commands.closed(room, member, at))
                .subscribe().with(done -> { }, failure -> LOG.debugf("Marking %s offline in %s failed: %s", member,
                        room, failure.getMessage()));
    }

    private boolean connectedHere(String room, String member) {
        return fanout.subscribers(room).stream().anyMatch(other -> other.member().equals(member));
    }

    private static Long number(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String part : query.split("&")) {
            if (part.startsWith(name + "=")) {
                try {
                    return Long.parseLong(part.substring(name.length() + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
