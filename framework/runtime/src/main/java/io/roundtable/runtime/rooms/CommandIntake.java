package io.roundtable.runtime.rooms;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.Result;
import io.roundtable.runtime.limits.RateLimits;
import io.roundtable.runtime.protocol.Problem;
import io.roundtable.runtime.protocol.WireCommand;
import io.roundtable.runtime.push.ReplyRoute;
import io.roundtable.runtime.store.RoomStore;
import io.smallrye.mutiny.Uni;

/** The one handler of member commands, for REST and WebSocket alike. */
@ApplicationScoped
public class CommandIntake {
    private final RoomService rooms;
    private final RoomStore store;
    private final RateLimits limits;
    private final MeterRegistry metrics;
    private final Timer latency;
    /** Counters by command kind and by refusal code, looked up once each rather than per command. */
    private final Map<Class<?>, Counter> accepted = new ConcurrentHashMap<>();
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    public CommandIntake(RoomService rooms, RoomStore store, RateLimits limits, MeterRegistry metrics) {
        this.rooms = rooms;
        this.store = store;
        this.limits = limits;
        this.metrics = metrics;
        this.latency = Timer.builder("roundtable.command.latency")
                .description("From a command's arrival to its change being committed and pushed")
                .publishPercentiles(0.5, 0.95, 0.99).register(metrics);
    }

    /**
     * Applies a member's command; the reply may be a rejection (never an exception for rule refusals).
     * With {@code signOfLife} the command first counts as one (see {@link #alive}), except a leave: the
     * member is going away. Only for calls that wait for their answer (REST): the room's queue place is
     * taken after the sign of life, so a socket's commands must not wait for it or they could overtake
     * each other (see {@link #afterwards}).
     */
    public Uni<Reply> handle(String room, String member, WireCommand command, boolean signOfLife) {
        return handle(room, member, command, signOfLife, null);
    }

    /** As {@link #handle(String, String, WireCommand, boolean)}, for a command from a socket of this node. */
    public Uni<Reply> handle(String room, String member, WireCommand command, boolean signOfLife, ReplyRoute route) {
        if (!limits.command(room, member)) {
            return Uni.createFrom().failure(new Problem(ErrorCode.RATE_LIMITED));
        }
        if (command instanceof WireCommand.Ping) {
            return heartbeat(room, member);
        }
        Command core = toCore(member, command);
        Uni<Void> alive = signOfLife && countsAsSignOfLife(command) ? alive(room, member)
                : Uni.createFrom().voidItem();
        long start = System.nanoTime();
        return alive.chain(() -> rooms.apply(room, core, route)).map(Result::reply).invoke(reply -> {
            latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (reply instanceof Reply.Rejected rejected) {
                refused.computeIfAbsent(rejected.rejection().code(),
                        code -> metrics.counter("roundtable.rejections", "code", code)).increment();
            } else {
                accepted.computeIfAbsent(core.getClass(), kind -> metrics.counter("roundtable.commands", "kind",
                        kind.getSimpleName().toLowerCase(Locale.ROOT))).increment();
            }
        });
    }

    /** Every command but leaving is a sign of life: a member who leaves is going away. */
    static boolean countsAsSignOfLife(WireCommand command) {
        return !(command instanceof WireCommand.Leave);
    }

    /**
     * The sign of life of a socket command, once the command has its place in the room's queue and its
     * answer: the socket's next commands keep their order, and the member's presence is refreshed all the
     * same.
     */
    public Uni<Void> afterwards(String room, String member, WireCommand command, boolean due) {
        return due && countsAsSignOfLife(command) ? alive(room, member) : Uni.createFrom().voidItem();
    }

    /**
     * A member's call is a sign of life, as a heartbeat is: a member shown away or offline, or stood in
     * for by a bot, is back before the call is served (so that a paused game resumes first and the call
     * sees it running). For a member already online it costs the heartbeat's write and no room change.
     * It never fails the call it comes with: a room or membership that is gone, or a store that does not
     * answer, is left for the call itself to report in its own words.
     */
    public Uni<Void> alive(String room, String member) {
        return heartbeat(room, member).onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * A heartbeat is written to Redis (the sweeper reads it); it becomes a room change only when it
     * changes what others see (the member was away, offline or replaced by a stand-in bot).
     */
    public Uni<Reply> heartbeat(String room, String member) {
        Instant now = Instant.now();
        return store.heartbeat(room, member, now).chain(() -> rooms.current(room)).chain(current -> {
            if (current == null) {
                return Uni.createFrom().failure(new Problem(ErrorCode.ROOM_NOT_FOUND));
            }
            var me = current.member(member).filter(m -> !m.bot());
            if (me.isEmpty()) {
                return Uni.createFrom().item(new Reply.Rejected(ErrorCode.ROOM_NOT_MEMBER.rejection(), current.version()));
            }
            if (!me.get().backWithSignOfLife()) {
                return Uni.createFrom().item(new Reply.Accepted(current.version(), member, false));
            }
            return rooms.apply(room, new Command.Heartbeat(member)).map(Result::reply);
        });
    }

    /**
     * A member's last socket on this node closed at {@code at}: unless a heartbeat came since (from a socket
     * on another node, or a REST call), the room shows them offline now.
     */
    public Uni<Void> closed(String room, String member, Instant at) {
        return store.seen(room).chain(seen -> {
            Instant last = seen.get(member);
            return last != null && last.isAfter(at) ? Uni.createFrom().voidItem()
                    : rooms.apply(room, new Command.Closed(member, at)).replaceWithVoid();
        });
    }

    static Command toCore(String member, WireCommand command) {
        if (command instanceof WireCommand.ToRoom toRoom) {
            return toRoom.toCore(member);
        }
        if (command instanceof WireCommand.Rematch) {
            throw new Problem(ErrorCode.REQUEST_UNKNOWN_COMMAND,
                    "Over REST, ask for a rematch at POST /api/rooms/{room}/rematch; its answer names the room.");
        }
        throw new Problem(ErrorCode.REQUEST_UNKNOWN_COMMAND);
    }
}
