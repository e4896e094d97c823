package io.roundtable.core.room;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.roundtable.core.error.ErrorCode;

/** Heartbeats, presence, lost seats, the barrier countdown, paced bots, turn timers and idle rooms. */
final class Sweep {
    private final RoomSettings settings;
    private final Lobby lobby;
    private final Play play;

    Sweep(RoomSettings settings, Lobby lobby, Play play) {
        this.settings = settings;
        this.lobby = lobby;
        this.play = play;
    }

    /** A member's client is alive: it shows online again, and takes its seat back from a stand-in bot. */
    Result heartbeat(Room room, GameAdapter<?, ?, ?> game, String memberId, Instant now) {
        Optional<Member> member = room.member(memberId);
        if (member.isEmpty()) {
            return Result.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        Member m = member.get();
        // Already online and playing their own seat: nothing changes, even in a paused game (only
        // the missing player's return can resume it), so nothing is stored and the version stays.
        if (!m.backWithSignOfLife()) {
            return Result.unchanged(room.withMember(memberId, x -> x.seen(now, Presence.ONLINE)),
                    new Reply.Accepted(room.version(), memberId, false));
        }
        Pending pending = new Pending(room, now);
        pending.room = room.withMember(memberId, x -> x.seen(now, Presence.ONLINE).withStandIn(false));
        resume(pending, game);
        return pending.commit(memberId);
    }

    /** A member's connection closed at {@code at}: offline now, unless they were seen after it (or are a bot). */
    Result closed(Room room, String memberId, Instant at, Instant now) {
        Optional<Member> member = room.member(memberId);
        if (member.isEmpty()) {
            return Result.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        Member m = member.get();
        if (m.bot() || m.presence() == Presence.OFFLINE || m.lastSeenAt().isAfter(at)) {
            return Result.unchanged(room, new Reply.Accepted(room.version(), memberId, false));
        }
        Pending pending = new Pending(room.withMember(memberId, x -> x.seen(at, Presence.OFFLINE)), now);
        return pending.commit(memberId);
    }

    Result tick(Room room, GameAdapter<?, ?, ?> game, Command.Tick tick, Instant now) {
        Pending pending = new Pending(room, now);
        for (Member member : room.members()) {
            if (member.bot()) {
                continue;
            }
            Instant reported = tick.lastSeen().get(member.id());
            Instant seen = reported != null && reported.isAfter(member.lastSeenAt()) ? reported : member.lastSeenAt();
            // Offline because their connection closed: they stay so until a sign of life newer than that.
            boolean closed = member.presence() == Presence.OFFLINE && !seen.isAfter(member.lastSeenAt());
            Presence presence = closed ? Presence.OFFLINE
                    : Presence.of(seen, now, settings.timings().awayAfter(), settings.timings().offlineAfter());
            if (presence != member.presence()) {
                pending.room = pending.room.withMember(member.id(), m -> m.seen(seen, presence));
            }
            if (presence == Presence.ONLINE && member.standIn()) {
                pending.room = pending.room.withMember(member.id(), m -> m.withStandIn(false));
            }
            boolean lost = Duration.between(seen, now).compareTo(settings.timings().gracePeriod()) > 0;
            if (lost && !member.standIn() && pending.room.phase() != Phase.FINISHED) {
                Member current = pending.room.member(member.id()).orElseThrow();
                if (!pending.room.slot().paused() || !current.isSeated()) {
                    lobby.depart(pending, game, current, false);
                }
            }
        }
        if (pending.room.slot().paused() || pending.gameChanged()) {
            resume(pending, game);
        }
        if (pending.room.phase() == Phase.BARRIER && !now.isBefore(pending.room.slot().barrierEndsAt())) {
            lobby.startPlay(pending, game);
        }
        Instant botsDue = pending.room.slot().botsDueAt();
        if (pending.room.phase() == Phase.PLAY && !pending.room.slot().paused() && botsDue != null && !now.isBefore(botsDue)) {
            play.botsDue(pending, game);
        }
        if (pending.room.phase() == Phase.PLAY && !pending.room.slot().paused() && pending.room.slot().timer() != null
                && !now.isBefore(pending.room.slot().timer().deadline())) {
            play.expireTimer(pending, game);
        }
        boolean expired = idle(pending.room, now);
        if (pending.room.equals(room)) {
            return new Result(room, new Reply.Accepted(room.version(), null, false), false, List.of(), List.of(),
                    List.of(), expired);
        }
        Result step = pending.commit(null);
        return new Result(step.room(), step.reply(), true, step.deliveries(), step.moves(), step.events(), expired);
    }

    /** Unpauses a paused game once every seated player is back. */
    private void resume(Pending pending, GameAdapter<?, ?, ?> game) {
        Room room = pending.room;
        if (!room.slot().paused()) {
            if (pending.gameChanged()) {
                play.advance(pending, game);
            }
            return;
        }
        boolean everyoneBack = room.seated().stream().filter(m -> !m.bot())
                .allMatch(m -> m.presence() != Presence.OFFLINE);
        if (everyoneBack) {
            // The clock did not run for the returning player: the current step gets a fresh turn timer.
            pending.room = room.withSlot(s -> s.withPaused(false).withTimer(null));
            play.advance(pending, game);
        }
    }

    /** Nobody but bots has been around for {@link RoomSettings#idleRoomAfter()}. */
    private boolean idle(Room room, Instant now) {
        boolean someoneHere = room.members().stream().anyMatch(m -> !m.bot() && m.presence() != Presence.OFFLINE);
        Instant lastSign = room.members().stream().filter(m -> !m.bot()).map(Member::lastSeenAt)
                .reduce(room.lastActiveAt(), (a, b) -> a.isAfter(b) ? a : b);
        return !someoneHere && Duration.between(lastSign, now).compareTo(settings.timings().idleRoomAfter()) >= 0;
    }
}
