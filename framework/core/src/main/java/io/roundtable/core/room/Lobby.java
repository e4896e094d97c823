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

    Step join(Room room, GameHost<?, ?, ?> host, Command.Join join, Instant now) {
        Optional<String> name = Names.valid(join.name(), settings.limits().maxNameLength());
        if (name.isEmpty()) {
            return Step.rejected(room, ErrorCode.ROOM_NAME_INVALID.rejection(
                    "A display name has 1 to " + settings.limits().maxNameLength() + " characters and no control characters."));
        }
        if (!Names.validClient(join.client())) {
            return Step.rejected(room, ErrorCode.REQUEST_INVALID.rejection("A client id has 1 to "
                    + Names.MAX_CLIENT_LENGTH + " characters and no control characters."));
        }
        if (join.client() != null && room.members().stream().anyMatch(m -> join.client().equals(m.client()))) {
            return Step.rejected(room, ErrorCode.ROOM_ALREADY_MEMBER.rejection());
        }
        String id = "m" + (room.roster().joins() + 1);
        Change change = new Change(room.withRoster(Roster::counted), now);
        if (join.spectator()) {
            add(change, Member.spectator(id, name.get(), join.client(), now));
            return change.commit(id);
        }
        Policy policy = host.policy(room.facts().options());
        boolean dynamic = policy.joinMode() == Policy.JoinMode.DYNAMIC;
        if (room.phase() == Phase.FINISHED) {
            return Step.rejected(room, ErrorCode.ROOM_FINISHED.rejection());
        }
        if (!dynamic && room.phase() == Phase.PLAY) {
            return Step.rejected(room, ErrorCode.ROOM_IN_PLAY.rejection());
        }
        Optional<Integer> seat = freeSeat(room, policy.maxPlayers());
        if (seat.isEmpty()) {
            return Step.rejected(room, ErrorCode.ROOM_FULL.rejection());
        }
        add(change, Member.player(id, name.get(), join.client(), seat.get(), now));
        if (dynamic) {
            play.seatJoined(change, host, seat.get());
        } else {
            settle(change, host);
        }
        return change.commit(id);
    }

    private static void add(Change change, Member member) {
        List<Member> members = new ArrayList<>(change.room.members());
        members.add(member);
        Room room = change.room.withRoster(r -> r.withMembers(members)).withLastActiveAt(change.now);
        change.room = room.roster().host() == null && !member.bot() ? room.withRoster(r -> r.withHost(member.id())) : room;
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

    Step leave(Room room, GameHost<?, ?, ?> host, String memberId, Instant now) {
        Optional<Member> member = room.member(memberId);
        if (member.isEmpty()) {
            return Step.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        Change change = new Change(room.withLastActiveAt(now), now);
        depart(change, host, member.get(), true);
        return change.commit(memberId);
    }

    /**
     * A member goes: for good when {@code voluntary}, or because their seat was lost (the sweep).
     * Fixed games in play apply the seat-loss policy; everywhere else the seat is freed.
     */
    void depart(Change change, GameHost<?, ?, ?> host, Member member, boolean voluntary) {
        change.room = VoiceDesk.departed(change.room, member.id());
        Room room = change.room;
        Policy policy = host.policy(room.facts().options());
        boolean fixedPlay = room.phase() == Phase.PLAY && policy.joinMode() == Policy.JoinMode.FIXED;
        if (fixedPlay && member.isSeated()) {
            play.seatLost(change, host, member, voluntary);
            if (voluntary) {
                passHost(change, member.id());
            }
            return;
        }
        remove(change, member.id());
        if (member.isSeated() && room.phase() == Phase.PLAY && policy.joinMode() == Policy.JoinMode.DYNAMIC) {
            play.seatLeft(change, host, member.seat());
        }
        if (room.phase() == Phase.BARRIER && member.isSeated()) {
            // The table changed under the countdown: back to the lobby, where those left confirm again.
            List<Member> unready = change.room.members().stream().map(m -> m.bot() ? m : m.withReady(false)).toList();
            change.room = change.room.withSlot(s -> s.withPhase(Phase.LOBBY, null))
                    .withRoster(r -> r.withMembers(unready));
        }
        if (room.phase() == Phase.LOBBY || room.phase() == Phase.BARRIER) {
            settle(change, host);
        }
    }

    private static void remove(Change change, String memberId) {
        List<Member> staying = change.room.members().stream().filter(m -> !m.id().equals(memberId)).toList();
        change.room = change.room.withRoster(r -> r.withMembers(staying));
        passHost(change, memberId);
    }

    private static void passHost(Change change, String leaving) {
        if (leaving.equals(change.room.roster().host())) {
            String next = change.room.members().stream()
                    .filter(m -> !m.playedByBot() && !m.id().equals(leaving)).map(Member::id).findFirst().orElse(null);
            change.room = change.room.withRoster(r -> r.withHost(next));
        }
    }

    Step kick(Room room, GameHost<?, ?, ?> host, Command.Kick kick, Instant now) {
        if (room.member(kick.member()).isEmpty()) {
            return Step.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        if (!kick.member().equals(room.roster().host())) {
            return Step.rejected(room, ErrorCode.ROOM_NOT_HOST.rejection());
        }
        if (kick.member().equals(kick.target())) {
            return Step.rejected(room, ErrorCode.ROOM_CANNOT_KICK_SELF.rejection());
        }
        Optional<Member> target = room.member(kick.target());
        if (target.isEmpty()) {
            return Step.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection("That member is not in this room."));
        }
        boolean fixed = host.policy(room.facts().options()).joinMode() == Policy.JoinMode.FIXED;
        if (fixed && room.phase() == Phase.PLAY && target.get().isSeated()) {
            return Step.rejected(room, ErrorCode.ROOM_WRONG_PHASE.rejection(
                    "A seated player cannot be kicked while the game is being played."));
        }
        Change change = new Change(room, now);
        depart(change, host, target.get(), true);
        return change.commit(kick.member());
    }

    Step ready(Room room, GameHost<?, ?, ?> host, Command.Ready ready, Instant now) {
        Optional<Member> member = room.member(ready.member());
        if (member.isEmpty()) {
            return Step.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        if (member.get().isSpectator()) {
            return Step.rejected(room, ErrorCode.ROOM_SPECTATOR.rejection());
        }
        if (room.phase() != Phase.LOBBY && room.phase() != Phase.BARRIER
                || host.policy(room.facts().options()).joinMode() == Policy.JoinMode.DYNAMIC) {
            return Step.rejected(room, ErrorCode.ROOM_WRONG_PHASE.rejection(
                    "Getting ready only makes sense in the lobby of a game that waits for its players."));
        }
        if (member.get().ready() == ready.ready()) {
            return Step.unchanged(room, new Reply.Accepted(room.version(), ready.member(), false));
        }
        Change change = new Change(room.withMember(ready.member(), m -> m.withReady(ready.ready())).withLastActiveAt(now),
                now);
        settle(change, host);
        return change.commit(ready.member());
    }

    /**
     * The barrier rule: enough seated and all ready → BARRIER (or straight to PLAY without a
     * countdown); anything else → LOBBY.
     */
    void settle(Change change, GameHost<?, ?, ?> host) {
        Room room = change.room;
        if (room.phase() != Phase.LOBBY && room.phase() != Phase.BARRIER) {
            return;
        }
        Policy policy = host.policy(room.facts().options());
        List<Member> seated = room.seated();
        boolean everyoneHere = seated.size() >= policy.minPlayers() && seated.size() <= policy.maxPlayers()
                && seated.stream().allMatch(Member::ready);
        if (!everyoneHere) {
            if (room.phase() == Phase.BARRIER) {
                change.room = room.withSlot(s -> s.withPhase(Phase.LOBBY, null));
            }
            return;
        }
        if (room.phase() == Phase.LOBBY) {
            if (settings.timings().barrierCountdown().isZero()) {
                startPlay(change, host);
            } else {
                Instant endsAt = change.now.plus(settings.timings().barrierCountdown());
                change.room = room.withSlot(s -> s.withPhase(Phase.BARRIER, endsAt));
            }
        }
    }

    /** The countdown ran out with everyone still ready: seats are renumbered 0…n-1 in table order, play begins. */
    void startPlay(Change change, GameHost<?, ?, ?> host) {
        List<Member> seated = change.room.seated().stream()
                .sorted(Comparator.comparingInt(Member::seat)).toList();
        List<Member> members = new ArrayList<>();
        for (Member m : change.room.members()) {
            members.add(m.isSeated() ? m.withSeat(seated.indexOf(m)) : m);
        }
        change.room = change.room.withRoster(r -> r.withMembers(members));
        play.start(change, host, seated.size());
    }
}
