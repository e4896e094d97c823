package io.roundtable.core.room;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A member of a room: a seated player, a bot, or a spectator ({@code seat == null}).
 *
 * @param id          stable id in join order ({@code m1}, {@code m2}, …)
 * @param client      the joining client's own id (one membership per client and room); never shown to others
 * @param seat        seat number, or null for a spectator
 * @param bot         a bot was seated here at creation
 * @param standIn     a bot plays this seat while its player is gone (seat-loss policy BOT)
 * @param inboxSeq    the sequence number of the last message put in this member's inbox
 * @param ackedSeq    the last sequence number this member acknowledged
 */
public record Member(String id, String name, String client, Integer seat, boolean ready, boolean bot, boolean standIn,
        Presence presence, Instant joinedAt, Instant lastSeenAt, long inboxSeq, long ackedSeq) {

    public static Member player(String id, String name, String client, int seat, Instant now) {
        return new Member(id, name, client, seat, false, false, false, Presence.ONLINE, now, now, 0, 0);
    }

    public static Member spectator(String id, String name, String client, Instant now) {
        return new Member(id, name, client, null, false, false, false, Presence.ONLINE, now, now, 0, 0);
    }

    public static Member botIn(String id, String name, int seat, Instant now) {
        return new Member(id, name, null, seat, true, true, false, Presence.ONLINE, now, now, 0, 0);
    }

    @JsonIgnore
    public boolean isSpectator() {
        return seat == null;
    }

    @JsonIgnore
    public boolean isSeated() {
        return seat != null;
    }

    /** Played by the server: a bot, or a stand-in for a lost player. */
    @JsonIgnore
    public boolean playedByBot() {
        return bot || standIn;
    }

    /**
     * Whether a sign of life from this member changes the room: it is shown away or offline, or a stand-in
     * bot plays its seat. Otherwise a heartbeat is only recorded, and nothing is stored or pushed.
     */
    public boolean backWithSignOfLife() {
        return presence != Presence.ONLINE || standIn;
    }

    public Member withSeat(Integer newSeat) {
        return new Member(id, name, client, newSeat, ready, bot, standIn, presence, joinedAt, lastSeenAt, inboxSeq, ackedSeq);
    }

    public Member withReady(boolean newReady) {
        return new Member(id, name, client, seat, newReady, bot, standIn, presence, joinedAt, lastSeenAt, inboxSeq, ackedSeq);
    }

    public Member withStandIn(boolean newStandIn) {
        return new Member(id, name, client, seat, ready, bot, newStandIn, presence, joinedAt, lastSeenAt, inboxSeq, ackedSeq);
    }

    public Member seen(Instant at, Presence newPresence) {
        Instant latest = at.isAfter(lastSeenAt) ? at : lastSeenAt;
        return new Member(id, name, client, seat, ready, bot, standIn, newPresence, joinedAt, latest, inboxSeq, ackedSeq);
    }

    /**
     * The player left for good during play; a bot plays the seat from now on. The membership no
     * longer belongs to the client, who may come back (to watch).
     */
    public Member replacedByBot() {
        return new Member(id, name, null, seat, true, true, false, Presence.ONLINE, joinedAt, lastSeenAt, inboxSeq, ackedSeq);
    }

    public Member withInboxSeq(long seq) {
        return new Member(id, name, client, seat, ready, bot, standIn, presence, joinedAt, lastSeenAt, seq, ackedSeq);
    }

    public Member withAckedSeq(long seq) {
        return new Member(id, name, client, seat, ready, bot, standIn, presence, joinedAt, lastSeenAt, inboxSeq, seq);
    }
}
