package io.roundtable.core.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.spi.Policy;

/** Joining, leaving, kicking and getting ready; the barrier in front of play. */
final class Lobby {
    private final RoomSettings settings;
    private final Play play;

    Lobby(RoomSettings settings, Play play) {
        this.settings = settings;
        this.play = play;
    }

    Result join(Room room, GameAdapter<?, ?, ?> game, Command.Join join, Instant now) {
        Optional<String> name = Names.valid(join.name(), settings.limits().maxNameLength());
        if (name.isEmpty()) {
            return Result.rejected(room, ErrorCode.ROOM_NAME_INVALID.rejection(
                    "A display name has 1 to " + settings.limits().maxNameLength() + " characters and no control characters."));
        }
        if (!Names.validClient(join.client())) {
            return Result.rejected(room, ErrorCode.REQUEST_INVALID.rejection("A client id has 1 to "
                    + Names.MAX_CLIENT_LENGTH + " characters and no control characters."));
        }
        if (join.client() != null && room.members().stream().anyMatch(m -> join.client().equals(m.client()))) {
            return Result.rejected(room, ErrorCode.ROOM_ALREADY_MEMBER.rejection());
        }
        if (Names.taken(name.get(), room.members())) {
            return Result.rejected(room, ErrorCode.ROOM_NAME_TAKEN.rejection("Someone in this room is already called "
                    + name.get() + "; choose another name."));
        }
        String id = "m" + (room.roster().joins() + 1);
        Pending pending = new Pending(room.withRoster(Roster::counted), now);
        if (join.spectator()) {
            add(pending, Member.spectator(id, name.get(), join.client(), now));
            return pending.commit(id);
        }
        Policy policy = game.policy(room.facts().options());
        boolean dynamic = policy.joinMode() == Policy.JoinMode.DYNAMIC;
        if (room.phase() == Phase.FINISHED) {
            return Result.rejected(room, ErrorCode.ROOM_FINISHED.rejection());
        }
        if (!dynamic && room.phase() == Phase.PLAY) {
            return Result.rejected(room, ErrorCode.ROOM_IN_PLAY.rejection());
        }
        Optional<Integer> seat = freeSeat(room, policy.maxPlayers());
        if (seat.isEmpty()) {
            return Result.rejected(room, ErrorCode.ROOM_FULL.rejection());
        }
        add(pending, Member.player(id, name.get(), join.client(), seat.get(), now));
        if (dynamic) {
            play.seatJoined(pending, game, seat.get());
        } else {
            settle(pending, game);
        }
        return pending.commit(id);
    }

    private static void add(Pending pending, Member member) {
        List<Member> members = new ArrayList<>(pending.room.members());
        members.add(member);
        Room room = pending.room.withRoster(r -> r.withMembers(members)).withLastActiveAt(pending.now);
        pending.room = room.roster().host() == null && !member.bot() ? room.withRoster(r -> r.withHost(member.id())) : room;
    }

    private static Optional<Integer> freeSeat(Room room, int maxPlayers) {
        Set<Integer> taken = new TreeSet<>();
        room.seated().forEach(m -> taken.add(m.seat()));
        for (int seat = 0; seat < maxPlayers; seat++) {
            if (!taken.contains(seat)) {
                return Optional.of(seat);
            }
        }
        return Optional.empty();
    }

    Result leave(Room room, GameAdapter<?, ?, ?> game, String memberId, Instant now) {
        Optional<Member> member = room.member(memberId);
        if (member.isEmpty()) {
            return Result.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        Pending pending = new Pending(room.withLastActiveAt(now), now);
        depart(pending, game, member.get(), true);
        return pending.commit(memberId);
    }

    /**
     * A member goes: for good when {@code voluntary}, or because their seat was lost (the sweep).
     * Fixed games in play apply the seat-loss policy; everywhere else the seat is freed.
     */
    void depart(Pending pending, GameAdapter<?, ?, ?> game, Member member, boolean voluntary) {
        pending.room = VoiceDesk.departed(pending.room, member.id());
        Room room = pending.room;
        Policy policy = game.policy(room.facts().options());
        boolean fixedPlay = room.phase() == Phase.PLAY && policy.joinMode() == Policy.JoinMode.FIXED;
        if (fixedPlay && member.isSeated()) {
            play.seatLost(pending, game, member, voluntary);
            if (voluntary) {
                passHost(pending, member.id());
            }
            return;
        }
        remove(pending, member.id());
        if (member.isSeated() && room.phase() == Phase.PLAY && policy.joinMode() == Policy.JoinMode.DYNAMIC) {
            play.seatLeft(pending, game, member.seat());
        }
        if (room.phase() == Phase.BARRIER && member.isSeated()) {
            // The table changed under the countdown: back to the lobby, where those left confirm again.
            List<Member> unready = pending.room.members().stream().map(m -> m.bot() ? m : m.withReady(false)).toList();
            pending.room = pending.room.withSlot(s -> s.withPhase(Phase.LOBBY, null))
                    .withRoster(r -> r.withMembers(unready));
        }
        if (room.phase() == Phase.LOBBY || room.phase() == Phase.BARRIER) {
            settle(pending, game);
        }
    }

    private static void remove(Pending pending, String memberId) {
        List<Member> staying = pending.room.members().stream().filter(m -> !m.id().equals(memberId)).toList();
        pending.room = pending.room.withRoster(r -> r.withMembers(staying));
        passHost(pending, memberId);
    }

    private static void passHost(Pending pending, String leaving) {
        if (leaving.equals(pending.room.roster().host())) {
            String next = pending.room.members().stream()
                    .filter(m -> !m.playedByBot() && !m.id().equals(leaving)).map(Member::id).findFirst().orElse(null);
            pending.room = pending.room.withRoster(r -> r.withHost(next));
        }
    }

    Result kick(Room room, GameAdapter<?, ?, ?> game, Command.Kick kick, Instant now) {
        if (room.member(kick.member()).isEmpty()) {
            return Result.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        if (!kick.member().equals(room.roster().host())) {
            return Result.rejected(room, ErrorCode.ROOM_NOT_HOST.rejection());
        }
        if (kick.member().equals(kick.target())) {
            return Result.rejected(room, ErrorCode.ROOM_CANNOT_KICK_SELF.rejection());
        }
        Optional<Member> target = room.member(kick.target());
        if (target.isEmpty()) {
            return Result.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection("That member is not in this room."));
        }
        boolean fixed = game.policy(room.facts().options()).joinMode() == Policy.JoinMode.FIXED;
        if (fixed && room.phase() == Phase.PLAY && target.get().isSeated()) {
            return Result.rejected(room, ErrorCode.ROOM_WRONG_PHASE.rejection(
                    "A seated player cannot be kicked while the game is being played."));
        }
        Pending pending = new Pending(room, now);
        depart(pending, game, target.get(), true);
        return pending.commit(kick.member());
    }

    Result ready(Room room, GameAdapter<?, ?, ?> game, Command.Ready ready, Instant now) {
        Optional<Member> member = room.member(ready.member());
        if (member.isEmpty()) {
            return Result.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        if (member.get().isSpectator()) {
            return Result.rejected(room, ErrorCode.ROOM_SPECTATOR.rejection());
        }
        if (room.phase() != Phase.LOBBY && room.phase() != Phase.BARRIER
                || game.policy(room.facts().options()).joinMode() == Policy.JoinMode.DYNAMIC) {
            return Result.rejected(room, ErrorCode.ROOM_WRONG_PHASE.rejection(
                    "Getting ready only makes sense in the lobby of a game that waits for its players."));
        }
        if (member.get().ready() == ready.ready()) {
            return Result.unchanged(room, new Reply.Accepted(room.version(), ready.member(), false));
        }
        Pending pending = new Pending(room.withMember(ready.member(), m -> m.withReady(ready.ready())).withLastActiveAt(now),
                now);
        settle(pending, game);
        return pending.commit(ready.member());
    }

    /**
     * The barrier rule: enough seated and all ready → BARRIER (or straight to PLAY without a
     * countdown); anything else → LOBBY.
     */
    void settle(Pending pending, GameAdapter<?, ?, ?> game) {
        Room room = pending.room;
        if (room.phase() != Phase.LOBBY && room.phase() != Phase.BARRIER) {
            return;
        }
        Policy policy = game.policy(room.facts().options());
        List<Member> seated = room.seated();
        boolean everyoneHere = seated.size() >= policy.minPlayers() && seated.size() <= policy.maxPlayers()
                && seated.stream().allMatch(Member::ready);
        if (!everyoneHere) {
            if (room.phase() == Phase.BARRIER) {
                pending.room = room.withSlot(s -> s.withPhase(Phase.LOBBY, null));
            }
            return;
        }
        if (room.phase() == Phase.LOBBY) {
            if (settings.timings().barrierCountdown().isZero()) {
                startPlay(pending, game);
            } else {
                Instant endsAt = pending.now.plus(settings.timings().barrierCountdown());
                pending.room = room.withSlot(s -> s.withPhase(Phase.BARRIER, endsAt));
            }
        }
    }

    /** The countdown ran out with everyone still ready: seats are renumbered 0…n-1 in table order, play begins. */
    void startPlay(Pending pending, GameAdapter<?, ?, ?> game) {
        List<Member> seated = pending.room.seated().stream()
                .sorted(Comparator.comparingInt(Member::seat)).toList();
        List<Member> members = new ArrayList<>();
        for (Member m : pending.room.members()) {
            members.add(m.isSeated() ? m.withSeat(seated.indexOf(m)) : m);
        }
        pending.room = pending.room.withRoster(r -> r.withMembers(members));
        play.start(pending, game, seated.size());
    }
}
