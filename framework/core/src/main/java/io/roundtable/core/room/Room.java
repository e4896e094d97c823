package io.roundtable.core.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.message.DirectReceipt;
import io.roundtable.core.spi.Outcome;

/**
 * One room, whole: room facts, members, and the game state with its secrets. It never leaves the
 * server as is; clients receive {@link io.roundtable.core.view.Frames frames} computed per viewer.
 * Immutable; the {@link RoomEngine} returns a new one for every change.
 *
 * @param version      +1 on every applied change (members, chat, presence, game)
 * @param gameVersion  the version of the last change to the phase or the game state; an action whose
 *                     expected version is older is stale (chat and presence never make a move stale)
 * @param seed         the match seed: with the move log it replays the game exactly
 * @param joins        members ever joined (member ids are m1, m2, …)
 * @param moves        game moves applied so far (the length of the move log)
 * @param state        the game state as JSON; null before play
 * @param players      how many seats the game was set up with (0 for a dynamic room: seats come and go)
 * @param timer        the running turn timer, if any
 * @param recent       idempotency keys of recently accepted commands
 * @param receipts     recent direct messages, for delivery state
 * @param voice        the room's voice mesh; null when the room has no voice
 * @param offeredSince for each seat the game awaits, the version since which it has been offered its
 *                     current step and choices; an action expecting an older version is stale
 */
public record Room(String id, String game, JsonNode options, Phase phase, List<Member> members, String host,
        long version, long gameVersion, long seed, int joins, long moves, long messages, Instant createdAt,
        Instant updatedAt, Instant lastActiveAt, Instant barrierEndsAt, JsonNode state, int players, TimerState timer,
        boolean paused, Outcome outcome, List<RecentReply> recent, List<DirectReceipt> receipts, Voice voice,
        Map<Integer, Long> offeredSince) {

    public Room {
        members = List.copyOf(members);
        recent = List.copyOf(recent);
        receipts = List.copyOf(receipts);
        offeredSince = offeredSince == null ? Map.of() : Map.copyOf(offeredSince);
    }

    /** A turn timer: the step it belongs to and when it runs out. */
    public record TimerState(String step, Instant deadline) {
    }

    /** The reply to an accepted command, remembered under its idempotency key. */
    public record RecentReply(String member, String key, long version) {
    }

    public Optional<Member> member(String memberId) {
        return members.stream().filter(m -> m.id().equals(memberId)).findFirst();
    }

    public Optional<Member> inSeat(int seat) {
        return members.stream().filter(m -> m.seat() != null && m.seat() == seat).findFirst();
    }

    public List<Member> seated() {
        return members.stream().filter(Member::isSeated).toList();
    }

    public List<Member> humans() {
        return members.stream().filter(m -> !m.bot()).toList();
    }

    Room withMembers(List<Member> newMembers) {
        return new Room(id, game, options, phase, newMembers, host, version, gameVersion, seed, joins, moves, messages,
                createdAt, updatedAt, lastActiveAt, barrierEndsAt, state, players, timer, paused, outcome, recent, receipts, voice,
                offeredSince);
    }

    Room withMember(String memberId, UnaryOperator<Member> change) {
        List<Member> next = new ArrayList<>(members.size());
        for (Member m : members) {
            next.add(m.id().equals(memberId) ? change.apply(m) : m);
        }
        return withMembers(next);
    }

    Room withHost(String newHost) {
        return new Room(id, game, options, phase, members, newHost, version, gameVersion, seed, joins, moves, messages,
                createdAt, updatedAt, lastActiveAt, barrierEndsAt, state, players, timer, paused, outcome, recent, receipts, voice,
                offeredSince);
    }

    Room withJoins(int newJoins) {
        return new Room(id, game, options, phase, members, host, version, gameVersion, seed, newJoins, moves, messages,
                createdAt, updatedAt, lastActiveAt, barrierEndsAt, state, players, timer, paused, outcome, recent, receipts, voice,
                offeredSince);
    }

    Room withPhase(Phase newPhase, Instant newBarrierEndsAt) {
        return new Room(id, game, options, newPhase, members, host, version, gameVersion, seed, joins, moves, messages,
                createdAt, updatedAt, lastActiveAt, newBarrierEndsAt, state, players, timer, paused, outcome, recent, receipts, voice,
                offeredSince);
    }

    Room withGame(JsonNode newState, long newMoves, TimerState newTimer, Outcome newOutcome) {
        return new Room(id, game, options, phase, members, host, version, gameVersion, seed, joins, newMoves, messages,
                createdAt, updatedAt, lastActiveAt, barrierEndsAt, newState, players, newTimer, paused, newOutcome, recent, receipts, voice,
                offeredSince);
    }

    Room withPlayers(int newPlayers) {
        return new Room(id, game, options, phase, members, host, version, gameVersion, seed, joins, moves, messages,
                createdAt, updatedAt, lastActiveAt, barrierEndsAt, state, newPlayers, timer, paused, outcome, recent, receipts, voice,
                offeredSince);
    }

    Room withVoice(Voice newVoice) {
        return new Room(id, game, options, phase, members, host, version, gameVersion, seed, joins, moves, messages,
                createdAt, updatedAt, lastActiveAt, barrierEndsAt, state, players, timer, paused, outcome, recent, receipts,
                newVoice, offeredSince);
    }

    Room withPaused(boolean newPaused) {
        return new Room(id, game, options, phase, members, host, version, gameVersion, seed, joins, moves, messages,
                createdAt, updatedAt, lastActiveAt, barrierEndsAt, state, players, timer, newPaused, outcome, recent, receipts, voice,
                offeredSince);
    }

    Room withMessages(long newMessages, List<DirectReceipt> newReceipts) {
        return new Room(id, game, options, phase, members, host, version, gameVersion, seed, joins, moves, newMessages,
                createdAt, updatedAt, lastActiveAt, barrierEndsAt, state, players, timer, paused, outcome, recent, newReceipts, voice,
                offeredSince);
    }

    Room withRecent(List<RecentReply> newRecent) {
        return new Room(id, game, options, phase, members, host, version, gameVersion, seed, joins, moves, messages,
                createdAt, updatedAt, lastActiveAt, barrierEndsAt, state, players, timer, paused, outcome, newRecent, receipts, voice,
                offeredSince);
    }

    Room withLastActiveAt(Instant at) {
        return new Room(id, game, options, phase, members, host, version, gameVersion, seed, joins, moves, messages,
                createdAt, updatedAt, at, barrierEndsAt, state, players, timer, paused, outcome, recent, receipts, voice,
                offeredSince);
    }

    Room withOfferedSince(Map<Integer, Long> newOfferedSince) {
        return new Room(id, game, options, phase, members, host, version, gameVersion, seed, joins, moves, messages,
                createdAt, updatedAt, lastActiveAt, barrierEndsAt, state, players, timer, paused, outcome, recent, receipts,
                voice, newOfferedSince);
    }

    /** The oldest version a move from {@code seat} may expect without being stale. */
    public long offeredSince(int seat) {
        return offeredSince.getOrDefault(seat, gameVersion);
    }

    /** Stamps a change: the next version, and the game version too when the game or phase moved. */
    Room committed(Instant now, boolean gameChanged) {
        long next = version + 1;
        return new Room(id, game, options, phase, members, host, next, gameChanged ? next : gameVersion, seed, joins,
                moves, messages, createdAt, now, lastActiveAt, barrierEndsAt, state, players, timer, paused, outcome, recent, receipts, voice,
                offeredSince);
    }
}
