package io.roundtable.core.room;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Outcome;
import io.roundtable.core.spi.Rejection;
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
    void start(Pending pending, GameAdapter<?, ?, ?> game, int players) {
        Room room = pending.room;
        JsonNode state = game.setup(players, room.facts().options(), GameRandom.seeded(room.facts().seed()));
        pending.room = room.withSlot(s -> s.started(state, players));
        offer(pending, Offers.NONE, Offers.of(game, state), null);
        advance(pending, game);
    }

    Result act(Room room, GameAdapter<?, ?, ?> game, Command.Act act, Instant now) {
        Optional<Member> found = room.member(act.member());
        if (found.isEmpty()) {
            return Result.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        Member member = found.get();
        if (member.isSpectator()) {
            return Result.rejected(room, ErrorCode.ROOM_SPECTATOR.rejection());
        }
        if (!Recent.validKey(act.idempotencyKey())) {
            return Result.rejected(room, Recent.INVALID_KEY);
        }
        Optional<Room.RecentReply> earlier = Recent.find(room, act.member(), act.idempotencyKey());
        if (earlier.isPresent()) {
            return Result.unchanged(room, new Reply.Accepted(earlier.get().version(), act.member(), true));
        }
        if (room.phase() == Phase.FINISHED) {
            return Result.rejected(room, ErrorCode.ROOM_FINISHED.rejection());
        }
        if (room.phase() != Phase.PLAY) {
            return Result.rejected(room, ErrorCode.ROOM_WRONG_PHASE.rejection("The game has not started yet."));
        }
        if (room.slot().paused()) {
            return Result.rejected(room, ErrorCode.ROOM_PAUSED.rejection());
        }
        Long expected = act.expectedVersion();
        if (expected != null && (expected < room.slot().offeredSince(member.seat()) || expected > room.version())) {
            return Result.rejected(room, ErrorCode.ACTION_STALE_VERSION.rejection(
                    "Your step or your choices changed after version " + expected + "; the room is now at version "
                            + room.version() + ". Look again and retry."));
        }
        Optional<Rejection> notYourTurn = WhoseTurn.refusal(game.awaiting(room.state()), member.seat());
        if (notYourTurn.isPresent()) {
            return Result.rejected(room, notYourTurn.get());
        }
        if (act.action() == null || !act.action().isObject()) {
            return Result.rejected(room, ErrorCode.ACTION_MALFORMED.rejection("An action is a JSON object."));
        }
        Offers before = Offers.of(game, room.state());
        Decision<JsonNode> decision = game.apply(room.state(), member.seat(), act.action(),
                new Turn(now, GameRandom.forStep(room.facts().seed(), room.slot().moves())));
        if (decision instanceof Decision.Rejected<JsonNode> refused) {
            return Result.rejected(room, refused.rejection());
        }
        Pending pending = new Pending(room.withLastActiveAt(now), now);
        record(pending, game, Move.ACT, member.seat(), act.action(), "player", decision, before);
        advance(pending, game);
        Result step = pending.commit(act.member());
        return Recent.remember(step, act.member(), act.idempotencyKey(), settings.limits().recentReplies());
    }

    /** Dynamic rooms: a member sat down during play. */
    void seatJoined(Pending pending, GameAdapter<?, ?, ?> game, int seat) {
        seatChanged(pending, game, seat, Move.JOIN, game.onJoin(pending.room.state(), seat));
    }

    /** Dynamic rooms: a member left their seat during play. */
    void seatLeft(Pending pending, GameAdapter<?, ?, ?> game, int seat) {
        seatChanged(pending, game, seat, Move.LEAVE, game.onLeave(pending.room.state(), seat));
    }

    /** A seat came or went in a dynamic room: the game's answer {@code state} is logged as a move of {@code kind}. */
    private void seatChanged(Pending pending, GameAdapter<?, ?, ?> game, int seat, String kind, JsonNode state) {
        Room room = pending.room;
        Offers before = Offers.of(game, room.state());
        pending.room = room.withSlot(s -> s.moved(state));
        offer(pending, before, Offers.of(game, state), null);
        pending.moves.add(new Move(room.slot().moves(), kind, seat, NullNode.getInstance(), "player", pending.now, 0));
        advance(pending, game);
    }

    /**
     * A fixed game lost a seated player: the game's seat-loss policy decides. A player who left for
     * good is replaced by a bot (or, where the game would pause, the game is aborted: nobody is coming back).
     */
    void seatLost(Pending pending, GameAdapter<?, ?, ?> game, Member member, boolean forGood) {
        Policy.SeatLoss policy = game.policy(pending.room.facts().options()).seatLoss();
        if (policy == Policy.SeatLoss.ABORT || policy == Policy.SeatLoss.PAUSE && forGood) {
            finish(pending, Outcome.aborted(member.name() + " left, so the game was abandoned."));
            return;
        }
        if (policy == Policy.SeatLoss.PAUSE) {
            pending.room = pending.room.withSlot(s -> s.withPaused(true));
            return;
        }
        pending.room = pending.room.withMember(member.id(), m -> forGood ? m.replacedByBot() : m.withStandIn(true));
        advance(pending, game);
    }

    /**
     * Applies timeout actions for every awaited seat whose turn timer ran out, and tells the room whose time
     * ran out: the game chose for them, which their move in the log does not say by itself.
     */
    void expireTimer(Pending pending, GameAdapter<?, ?, ?> game) {
        Room room = pending.room;
        List<String> late = new ArrayList<>();
        for (int seat : new TreeSet<>(game.awaiting(room.state()))) {
            room = pending.room;
            Optional<JsonNode> action = game.onTimeout(room.state(), seat,
                    GameRandom.forStep(room.facts().seed(), room.slot().moves()));
            if (action.isEmpty() || !game.awaiting(room.state()).contains(seat)) {
                continue;
            }
            Offers before = Offers.of(game, room.state());
            Decision<JsonNode> decision = game.apply(room.state(), seat, action.get(),
                    new Turn(pending.now, GameRandom.forStep(room.facts().seed(), room.slot().moves())));
            if (record(pending, game, Move.ACT, seat, action.get(), "timeout", decision, before)) {
                room.seated().stream().filter(m -> m.seat() == seat).findFirst().ifPresent(m -> late.add(m.name()));
            }
        }
        if (!late.isEmpty()) {
            Mail.announce(pending, "Time ran out for " + Names.inWords(late) + ": the game chose for "
                    + (late.size() == 1 ? "them." : "each of them."));
        }
        pending.room = pending.room.withSlot(s -> s.withTimer(null));
        advance(pending, game);
    }

    /** Records an accepted move in the pending; a rejected one changes nothing. Returns whether it was accepted. */
    private static boolean record(Pending pending, GameAdapter<?, ?, ?> game, String kind, int seat, JsonNode action,
            String by, Decision<JsonNode> decision, Offers before) {
        if (!(decision instanceof Decision.Accepted<JsonNode> accepted)) {
            return false;
        }
        Room room = pending.room;
        pending.room = room.withSlot(s -> s.moved(accepted.state()));
        offer(pending, before, Offers.of(game, accepted.state()), seat);
        pending.moves.add(new Move(room.slot().moves(), kind, seat, action, by, pending.now, 0));
        pending.events.addAll(accepted.events());
        return true;
    }

    /** The seats' offers moved from {@code before} to {@code after}: stamp those that changed with this change's version. */
    private static void offer(Pending pending, Offers before, Offers after, Integer actor) {
        Room room = pending.room;
        pending.room = room.withSlot(s -> s.withOfferedSince(before.next(after, actor, s.offeredSince(), room.version() + 1)));
    }

    /**
     * After any game change: finish if over, let bots play their awaited seats (or, with a bot move delay,
     * schedule them for the sweep: {@link #botsDue}), restart the turn timer.
     */
    void advance(Pending pending, GameAdapter<?, ?, ?> game) {
        int botMoves = paced() ? 0 : settings.limits().maxBotMoves();
        for (int i = 0; playing(pending.room); i++) {
            Optional<Outcome> outcome = game.outcome(pending.room.state());
            if (outcome.isPresent()) {
                finish(pending, outcome.get());
                return;
            }
            if (i >= botMoves || !botMove(pending, game)) {
                break;
            }
        }
        if (paced()) {
            scheduleBots(pending, game);
        }
        restartTimer(pending, game);
    }

    /**
     * Paced bots are due: each bot seat the game awaits makes one move, and those awaited next are due a
     * delay later. A bot with no move leaves its seat waiting, and nothing is due until the game changes.
     */
    void botsDue(Pending pending, GameAdapter<?, ?, ?> game) {
        pending.room = pending.room.withSlot(s -> s.withBotsDueAt(null));
        boolean moved = false;
        for (Member bot : awaitedBots(pending.room, game)) {
            if (!playing(pending.room) || game.outcome(pending.room.state()).isPresent()
                    || !game.awaiting(pending.room.state()).contains(bot.seat())) {
                break;
            }
            moved |= botMove(pending, game, bot);
        }
        if (moved) {
            advance(pending, game);
        }
    }

    /** Bots move a delay after they became awaited; a due time already set stands. */
    private void scheduleBots(Pending pending, GameAdapter<?, ?, ?> game) {
        Room room = pending.room;
        Instant due = !playing(room) || awaitedBots(room, game).isEmpty() ? null
                : room.slot().botsDueAt() != null ? room.slot().botsDueAt()
                : pending.now.plus(settings.timings().botMoveDelay());
        pending.room = room.withSlot(s -> s.withBotsDueAt(due));
    }

    private boolean paced() {
        Duration delay = settings.timings().botMoveDelay();
        return !delay.isZero() && !delay.isNegative();
    }

    private static boolean playing(Room room) {
        return room.phase() == Phase.PLAY && !room.slot().paused();
    }

    /** The seats played by a bot (or a stand-in) that the game awaits, in seat order. */
    private static List<Member> awaitedBots(Room room, GameAdapter<?, ?, ?> game) {
        Set<Integer> awaiting = game.awaiting(room.state());
        return room.seated().stream().filter(m -> m.playedByBot() && awaiting.contains(m.seat())).toList();
    }

    /** The first awaited bot that has a move the rules accept makes it; returns whether one did. */
    private boolean botMove(Pending pending, GameAdapter<?, ?, ?> game) {
        for (Member bot : awaitedBots(pending.room, game)) {
            if (botMove(pending, game, bot)) {
                return true;
            }
        }
        return false;
    }

    private boolean botMove(Pending pending, GameAdapter<?, ?, ?> game, Member bot) {
        Room room = pending.room;
        GameRandom random = GameRandom.forStep(room.facts().seed(), room.slot().moves());
        Optional<JsonNode> action = game.bot(room.state(), bot.seat(), random);
        if (action.isEmpty()) {
            return false;
        }
        Offers before = Offers.of(game, room.state());
        Decision<JsonNode> decision = game.apply(room.state(), bot.seat(), action.get(),
                new Turn(pending.now, GameRandom.forStep(room.facts().seed(), room.slot().moves())));
        return record(pending, game, Move.ACT, bot.seat(), action.get(), "bot", decision, before);
    }

    private void restartTimer(Pending pending, GameAdapter<?, ?, ?> game) {
        Room room = pending.room;
        if (room.phase() != Phase.PLAY) {
            return;
        }
        Optional<TurnTimer> timer = game.timer(room.state(), room.facts().options());
        GameSlot.TimerState next = timer.map(t -> room.slot().timer() != null && room.slot().timer().step().equals(t.step())
                ? room.slot().timer()
                : new GameSlot.TimerState(t.step(), pending.now.plus(t.limit()))).orElse(null);
        pending.room = room.withSlot(s -> s.withTimer(next));
    }

    void finish(Pending pending, Outcome outcome) {
        Room room = pending.room;
        pending.room = pending.room.withSlot(s -> s.finished(outcome));
    }
}
