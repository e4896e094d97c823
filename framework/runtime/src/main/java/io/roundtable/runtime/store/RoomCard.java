package io.roundtable.runtime.store;

import java.time.Instant;

import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Room;
import io.roundtable.core.spi.Policy;

/** What the lobby shows of a room: no secrets, no member ids. */
public record RoomCard(String id, String game, String title, String phase, String joinMode, int seated, int minPlayers,
        int maxPlayers, int bots, int spectators, String host, Instant createdAt, Instant updatedAt) {

    public static RoomCard of(Room room, GameAdapter<?, ?, ?> game) {
        Policy policy = game.policy(room.facts().options());
        String hostName = room.roster().host() == null ? null : room.member(room.roster().host()).map(Member::name).orElse(null);
        return new RoomCard(room.id(), room.facts().game(), game.rules().title(), room.phase().name(),
                policy.joinMode().name(), room.seated().size(), policy.minPlayers(), policy.maxPlayers(),
                (int) room.members().stream().filter(Member::bot).count(),
                (int) room.members().stream().filter(Member::isSpectator).count(), hostName, room.facts().createdAt(),
                room.updatedAt());
    }

    /** Everything but the update time is the same. */
    public boolean sameFacts(RoomCard other) {
        return equals(new RoomCard(other.id, other.game, other.title, other.phase, other.joinMode, other.seated,
                other.minPlayers, other.maxPlayers, other.bots, other.spectators, other.host, other.createdAt, updatedAt));
    }

    /** A player could take a seat now. */
    public boolean open() {
        boolean seatFree = seated < maxPlayers;
        return seatFree && ("LOBBY".equals(phase) || "BARRIER".equals(phase)
                || "PLAY".equals(phase) && "DYNAMIC".equals(joinMode));
    }
}
