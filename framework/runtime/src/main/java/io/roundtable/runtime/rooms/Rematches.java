package io.roundtable.runtime.rooms;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.RematchDesk;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.Room;
import io.roundtable.core.spi.Rejection;
import io.roundtable.runtime.limits.RateLimits;
import io.roundtable.runtime.protocol.Problem;
import io.smallrye.mutiny.Uni;

/**
 * Playing again with the same table. The next room is created first and then offered to the finished
 * room ({@link Command.Rematch}), whose pointer only the first offer sets: a racing ask (another member,
 * the same one twice, another node) whose offer comes second deletes the room it made and answers the
 * winner's. Created first, a room never dangles from a pointer; a node dying in between leaves an empty
 * lobby, removed as idle.
 */
@ApplicationScoped
public class Rematches {
    private final RoomService rooms;
    private final RateLimits limits;

    public Rematches(RoomService rooms, RateLimits limits) {
        this.rooms = rooms;
        this.limits = limits;
    }

    /** The next room of a finished room, and whether this call created it. */
    public record Next(String room, boolean created, long version) {
    }

    /**
     * The finished room's next room for {@code member}, created with the same game, options, bots and voice
     * when there is none yet. {@code client} (the caller's address) pays the room-creation rate limit, only
     * when a room is created. Fails with the engine's refusal (room/wrong_phase, room/not_member), room/not_found,
     * or limit/rooms.
     */
    public Uni<Next> ask(String roomId, String member, String client) {
        return rooms.current(roomId).chain(room -> {
            if (room == null) {
                return Uni.createFrom().failure(new Problem(ErrorCode.ROOM_NOT_FOUND));
            }
            Optional<Rejection> refused = RematchDesk.refusal(room, member);
            if (refused.isPresent()) {
                return Uni.createFrom().failure(new Problem(refused.get(), room.version()));
            }
            if (room.next() != null) {
                return Uni.createFrom().item(new Next(room.next().room(), false, room.version()));
            }
            if (!limits.createRoom(client)) {
                return Uni.createFrom().failure(new Problem(ErrorCode.LIMIT_ROOMS,
                        "You created rooms too quickly; wait a minute."));
            }
            return rooms.create(room.facts().game(), room.facts().options(), room.facts().bots(), room.voice() != null,
                    roomId)
                    .chain(created -> offer(roomId, member, created));
        });
    }

    /** Offers {@code created} as the next room; unless it became it, it is deleted. */
    private Uni<Next> offer(String roomId, String member, Room created) {
        return rooms.apply(roomId, new Command.Rematch(member, created.id()))
                .onFailure().call(() -> rooms.remove(created))
                .chain(step -> {
                    if (step.reply() instanceof Reply.Rejected rejected) {
                        return rooms.remove(created).chain(() -> Uni.createFrom().failure(
                                new Problem(rejected.rejection(), rejected.version())));
                    }
                    Room finished = step.room();
                    if (created.id().equals(finished.next().room())) {
                        return Uni.createFrom().item(new Next(created.id(), true, finished.version()));
                    }
                    return rooms.remove(created).replaceWith(new Next(finished.next().room(), false, finished.version()));
                });
    }
}
