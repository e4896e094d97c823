package io.roundtable.core.room;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Outcome;
import io.roundtable.core.spi.Policy;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.TurnTimer;

/** Game moves: actions, bots, turn timers, lost seats and the end of the game. */
final class Play {
    private final RoomSettings settings;

    Play(RoomSettings settings) {
        this.settings = settings;
    }

    /** Play begins: the rules set up {@code players} seats from the match seed. */
    void start(Change change, GameHost<?, ?, ?> host, int players) {
        Room room = change.room;
        JsonNode state = host.setup(players, room.facts().options(), GameRandom.seeded(room.facts().seed()));
        change.room = room.withSlot(s -> s.started(state, players));
        offer(change, Offers.NONE, Offers.of(host, state), null);
        advance(change, host);
    }

    Step act(Room room, GameHost<?, ?, ?> host, Command.Act act, Instant now) {
        Optional<Member> found = room.member(act.member());
        if (found.isEmpty()) {
            return Step.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        Member member = found.get();
        if (member.isSpectator()) {
            return Step.rejected(room, ErrorCode.ROOM_SPECTATOR.rejection());
        }
        if (!Recent.validKey(act.idempotencyKey())) {
            return Step.rejected(room, Recent.INVALID_KEY);
        }
        Optional<Room.RecentReply> earlier = Recent.find(room, act.member(), act.idempotencyKey());
        if (earlier.isPresent()) {
            return Step.unchanged(room, new Reply.Accepted(earlier.get().version(), act.member(), true));
        }
        if (room.phase() == Phase.FINISHED) {
            return Step.rejected(room, ErrorCode.ROOM_FINISHED.rejection());
        }
        if (room.phase() != Phase.PLAY) {
            return Step.rejected(room, ErrorCode.ROOM_WRONG_PHASE.rejection("The game has not started yet."));
        }
        if (room.slot().paused()) {
            return Step.rejected(room, ErrorCode.ROOM_PAUSED.rejection());
        }
        Long expected = act.expectedVersion();
        if (expected != null && (expected < room.slot().offeredSince(member.seat()) || expected > room.version())) {
            return Step.rejected(room, ErrorCode.ACTION_STALE_VERSION.rejection(
                    "Your step or your choices changed after version " + expected + "; the room is now at version "
                            + room.version() + ". Look again and retry."));
        }
        if (!host.awaiting(room.state()).contains(member.seat())) {
            return Step.rejected(room, ErrorCode.ACTION_NOT_YOUR_TURN.rejection());
        }
        if (act.action() == null || !act.action().isObject()) {
            return Step.rejected(room, ErrorCode.ACTION_MALFORMED.rejection("An action is a JSON object."));
        }
        Offers before = Offers.of(host, room.state());
        GameHost.Applied applied = host.apply(room.state(), member.seat(), act.action(),
                new Turn(now, GameRandom.forStep(room.facts().seed(), room.slot().moves())));
        if (!applied.accepted()) {
            return Step.rejected(room, applied.rejection());
        }
        Change change = new Change(room.withLastActiveAt(now), now);
        record(change, host, Move.ACT, member.seat(), act.action(), "player", applied, before);
        advance(change, host);
        Step step = change.commit(act.member());
        return Recent.remember(step, act.member(), act.idempotencyKey(), settings.limits().recentReplies());
    }

    /** Dynamic rooms: a member sat down during play. */
    void seatJoined(Change change, GameHost<?, ?, ?> host, int seat) {
        Room room = change.room;
        Offers before = Offers.of(host, room.state());
        JsonNode state = host.onJoin(room.state(), seat);
        change.room = room.withSlot(s -> s.moved(state));
        offer(change, before, Offers.of(host, state), null);
        change.moves.add(new Move(room.slot().moves(), Move.JOIN, seat, NullNode.getInstance(), "player", change.now, 0));
        advance(change, host);
    }

    /** Dynamic rooms: a member left their seat during play. */
    void seatLeft(Change change, GameHost<?, ?, ?> host, int seat) {
        Room room = change.room;
        Offers before = Offers.of(host, room.state());
        JsonNode state = host.onLeave(room.state(), seat);
        change.room = room.withSlot(s -> s.moved(state));
        offer(change, before, Offers.of(host, state), null);
        change.moves.add(new Move(room.slot().moves(), Move.LEAVE, seat, NullNode.getInstance(), "player", change.now, 0));
        advance(change, host);
    }

    /**
     * A fixed game lost a seated player: the game's seat-loss policy decides. A player who left for
     * good is replaced by a bot (or, where the game would pause, the game is aborted: nobody is coming back).
     */
    void seatLost(Change change, GameHost<?, ?, ?> host, Member member, boolean forGood) {
        Policy.SeatLoss policy = host.policy(change.room.facts().options()).seatLoss();
        if (policy == Policy.SeatLoss.ABORT || policy == Policy.SeatLoss.PAUSE && forGood) {
            finish(change, Outcome.aborted(member.name() + " left, so the game was abandoned."));
            return;
        }
        if (policy == Policy.SeatLoss.PAUSE) {
            change.room = change.room.withSlot(s -> s.withPaused(true));
            return;
        }
        change.room = change.room.withMember(member.id(), m -> forGood ? m.replacedByBot() : m.withStandIn(true));
        advance(change, host);
    }

    /** Applies timeout actions for every awaited seat whose turn timer ran out. */
    void expireTimer(Change change, GameHost<?, ?, ?> host) {
        Room room = change.room;
        for (int seat : new TreeSet<>(host.awaiting(room.state()))) {
            room = change.room;
            Optional<JsonNode> action = host.onTimeout(room.state(), seat,
                    GameRandom.forStep(room.facts().seed(), room.slot().moves()));
            if (action.isEmpty() || !host.awaiting(room.state()).contains(seat)) {
                continue;
            }
            Offers before = Offers.of(host, room.state());
            GameHost.Applied applied = host.apply(room.state(), seat, action.get(),
                    new Turn(change.now, GameRandom.forStep(room.facts().seed(), room.slot().moves())));
            if (applied.accepted()) {
                record(change, host, Move.ACT, seat, action.get(), "timeout", applied, before);
            }
        }
        change.room = change.room.withSlot(s -> s.withTimer(null));
        advance(change, host);
    }

    private static void record(Change change, GameHost<?, ?, ?> host, String kind, int seat, JsonNode action,
            String by, GameHost.Applied applied, Offers before) {
        Room room = change.room;
        change.room = room.withSlot(s -> s.moved(applied.state()));
        offer(change, before, Offers.of(host, applied.state()), seat);
        change.moves.add(new Move(room.slot().moves(), kind, seat, action, by, change.now, 0));
        change.events.addAll(applied.events());
    }

    /** The seats' offers moved from {@code before} to {@code after}: stamp those that changed with this change's version. */
    private static void offer(Change change, Offers before, Offers after, Integer actor) {
        Room room = change.room;
        change.room = room.withSlot(s -> s.withOfferedSince(before.next(after, actor, s.offeredSince(), room.version() + 1)));
    }

    /** After any game change: finish if over, let bots play their awaited seats, restart the turn timer. */
    void advance(Change change, GameHost<?, ?, ?> host) {
        for (int i = 0; i < settings.limits().maxBotMoves() && change.room.phase() == Phase.PLAY && !change.room.slot().paused(); i++) {
            Optional<Outcome> outcome = host.outcome(change.room.state());
            if (outcome.isPresent()) {
                finish(change, outcome.get());
                return;
            }
            if (!botMove(change, host)) {
                break;
            }
        }
        restartTimer(change, host);
    }

    private boolean botMove(Change change, GameHost<?, ?, ?> host) {
        Room room = change.room;
        Set<Integer> awaiting = host.awaiting(room.state());
        for (Member member : room.seated()) {
            if (!member.playedByBot() || !awaiting.contains(member.seat())) {
                continue;
            }
            GameRandom random = GameRandom.forStep(room.facts().seed(), room.slot().moves());
            Optional<JsonNode> action = host.bot(room.state(), member.seat(), random);
            if (action.isEmpty()) {
                continue;
            }
            Offers before = Offers.of(host, room.state());
            GameHost.Applied applied = host.apply(room.state(), member.seat(), action.get(),
                    new Turn(change.now, GameRandom.forStep(room.facts().seed(), room.slot().moves())));
            if (applied.accepted()) {
                record(change, host, Move.ACT, member.seat(), action.get(), "bot", applied, before);
                return true;
            }
        }
        return false;
    }

    private void restartTimer(Change change, GameHost<?, ?, ?> host) {
        Room room = change.room;
        if (room.phase() != Phase.PLAY) {
            return;
        }
        Optional<TurnTimer> timer = host.timer(room.state(), room.facts().options());
        GameSlot.TimerState next = timer.map(t -> room.slot().timer() != null && room.slot().timer().step().equals(t.step())
                ? room.slot().timer()
                : new GameSlot.TimerState(t.step(), change.now.plus(t.limit()))).orElse(null);
        change.room = room.withSlot(s -> s.withTimer(next));
    }

    void finish(Change change, Outcome outcome) {
        Room room = change.room;
        change.room = change.room.withSlot(s -> s.finished(outcome));
    }
}
