package io.roundtable.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.json.Json;
import io.roundtable.core.message.Target;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Replay;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.RoomEngine;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.core.room.Result;
import io.roundtable.core.spi.Channel;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.GameRules;
import io.roundtable.core.spi.Policy;
import io.roundtable.core.spi.Viewer;
import io.roundtable.core.view.Frame;
import io.roundtable.core.view.Frames;
import io.roundtable.core.view.RoomPatch;

/**
 * Plays many whole games through the real room engine, every seat choosing its moves with the
 * game's bot policy from random seeds, and checks after every step: the leak checker (views, events,
 * replies and what replays show of each move), delta correctness for every viewer, channel delivery,
 * version bookkeeping, staleness (seats awaited at once all act against the version they saw, in any
 * order; a move from before its step began is refused as stale), the JSON round trip, exact replay at
 * the end, and the author's own invariants.
 */
public final class RandomPlay<O, S, A> {
    private final GameRules<O, S, A> rules;
    private int games = 1000;
    private long seed = 1;
    private int maxMoves = 2000;
    private int perturbations = 2;
    private int viewersPerStep = Integer.MAX_VALUE;
    private int roundTripEvery = 1;
    private int deltasEvery = 1;
    private int threads = 1;
    private Function<GameRandom, O> optionsFor;
    private Function<O, Integer> playersFor;
    private final Map<String, Predicate<S>> invariants = new HashMap<>();

    private RandomPlay(GameRules<O, S, A> rules) {
        this.rules = rules;
        this.optionsFor = random -> rules.defaultOptions();
    }

    public static <O, S, A> RandomPlay<O, S, A> of(GameRules<O, S, A> rules) {
        return new RandomPlay<>(rules);
    }

    public RandomPlay<O, S, A> games(int count) {
        this.games = count;
        return this;
    }

    public RandomPlay<O, S, A> seed(long base) {
        this.seed = base;
        return this;
    }

    public RandomPlay<O, S, A> maxMoves(int limit) {
        this.maxMoves = limit;
        return this;
    }

    /** Indistinguishable variants tried per viewer and step by the leak checker. */
    public RandomPlay<O, S, A> perturbations(int perViewer) {
        this.perturbations = perViewer;
        return this;
    }

    /**
     * How many viewers are checked at each step (drawn at random, the actor always among them for its
     * reply; the others change every step). Default: all. Long games with many seats run much faster
     * with a few, and over thousands of games every viewer is still checked at every kind of step.
     */
    public RandomPlay<O, S, A> viewersPerStep(int count) {
        this.viewersPerStep = Math.max(1, count);
        return this;
    }

    /** Checks that the whole room survives its JSON round trip every {@code steps} steps (and at the end). */
    public RandomPlay<O, S, A> roundTripEvery(int steps) {
        this.roundTripEvery = Math.max(1, steps);
        return this;
    }

    /**
     * Follows the tracked viewers' frames and checks every delta in every {@code games}-th game only (default:
     * every game). The leak checks, staleness, invariants and replay run in every game; the games played are
     * the same whatever the count. Deltas are the engine's and game-agnostic: a long random play of a game
     * with large views may check them in a sample of its games.
     */
    public RandomPlay<O, S, A> deltasEvery(int games) {
        this.deltasEvery = Math.max(1, games);
        return this;
    }

    /** Plays the games on this many threads; game {@code g} has the same seed whatever the count. */
    public RandomPlay<O, S, A> threads(int count) {
        this.threads = Math.max(1, count);
        return this;
    }

    /** Options for each game, drawn from the game's random source (default: the game's defaults). */
    public RandomPlay<O, S, A> options(Function<GameRandom, O> generator) {
        this.optionsFor = generator;
        return this;
    }

    /** How many players a game with these options seats (default: random within the policy). */
    public RandomPlay<O, S, A> players(Function<O, Integer> count) {
        this.playersFor = count;
        return this;
    }

    /** A property that must hold after every step. */
    public RandomPlay<O, S, A> invariant(String name, Predicate<S> holds) {
        invariants.put(name, holds);
        return this;
    }

    public RandomPlayReport run() {
        if (threads == 1) {
            return range(0, games).build();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<RandomPlayReport.Builder>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) games * t / threads);
                int to = (int) ((long) games * (t + 1) / threads);
                parts.add(pool.submit(() -> range(from, to)));
            }
            RandomPlayReport.Builder all = new RandomPlayReport.Builder();
            for (var part : parts) {
                all.merge(part.get());
            }
            return all.build();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("random play failed", e);
        } finally {
            pool.shutdown();
        }
    }

    /** Games {@code from} … {@code to}-1, each on its own engine-free state; one engine per range. */
    private RandomPlayReport.Builder range(int from, int to) {
        RandomPlayReport.Builder report = new RandomPlayReport.Builder();
        GameCatalog catalog = new GameCatalog(new SameTreeOnce()).add(rules);
        RoomEngine engine = new RoomEngine(catalog, RoomSettings.defaults().withBarrierCountdown(Duration.ZERO));
        LeakChecker<O, S, A> checker = LeakChecker.of(rules).perturbations(perturbations);
        for (int g = from; g < to; g++) {
            try {
                playOne(engine, checker, g, report);
            } catch (RuntimeException | AssertionError e) {
                report.violation(g, "the game crashed: " + e);
            }
        }
        return report;
    }

    /** Up to {@code viewersPerStep} viewers of the game at random, always including {@code must} (if any). */
    private List<Viewer> sample(int players, Integer must, GameRandom random) {
        List<Viewer> all = LeakChecker.viewers(players);
        if (viewersPerStep >= all.size()) {
            return all;
        }
        List<Viewer> picked = new ArrayList<>(random.sample(all, viewersPerStep));
        if (must != null && picked.stream().noneMatch(v -> v.is(must))) {
            picked.set(0, Viewer.seat(must));
        }
        return picked;
    }

    @SuppressWarnings("unchecked")
    private void playOne(RoomEngine engine, LeakChecker<O, S, A> checker, int g, RandomPlayReport.Builder report) {
        GameRandom random = GameRandom.forStep(seed, g);
        GameAdapter<O, S, A> game = (GameAdapter<O, S, A>) engine.games().get(rules.id());
        O options = optionsFor.apply(random);
        Policy policy = rules.policy(options);
        int players = playersFor != null ? playersFor.apply(options)
                : policy.minPlayers() + random.nextInt(policy.maxPlayers() - policy.minPlayers() + 1);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Result created = engine.create("game-" + g, rules.id(), Json.tree(options), 0, seed * 31 + g, now);
        if (!created.reply().accepted()) {
            report.violation(g, "the generated options were refused: " + created.reply());
            return;
        }
        Room room = created.room();
        List<Move> log = new ArrayList<>(created.moves());
        List<String> members = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            Result joined = engine.handle(room, new Command.Join("player " + i, false, "client-" + i), now);
            storedChangeReproduces(g, room, joined.room(), report);
            room = joined.room();
            log.addAll(joined.moves());
            members.add(((Reply.Accepted) joined.reply()).member());
        }
        if (policy.joinMode() == Policy.JoinMode.FIXED) {
            for (String member : members) {
                Result ready = engine.handle(room, new Command.Ready(member, true), now);
                storedChangeReproduces(g, room, ready.room(), report);
                room = ready.room();
                log.addAll(ready.moves());
            }
        }
        Result watcherJoin = engine.handle(room, new Command.Join("watcher", true, "watcher"), now);
        room = watcherJoin.room();
        String watcher = ((Reply.Accepted) watcherJoin.reply()).member();
        if (room.phase() != Phase.PLAY) {
            report.violation(g, "play did not start with " + players + " ready players (phase " + room.phase() + ")");
            return;
        }
        Map<String, Held> frames = new HashMap<>();
        List<String> everyone = new ArrayList<>(members);
        everyone.add(watcher);
        List<String> sampled = viewersPerStep >= everyone.size() ? everyone : random.sample(everyone, viewersPerStep);
        List<String> viewers = g % deltasEvery == 0 ? sampled : List.of();
        viewers.forEach(m -> frames.put(m, Held.of(Frames.parts(created.room(), game, m))));
        long moves = 0;
        while (room.phase() == Phase.PLAY) {
            S state = game.typed(room.state());
            List<Integer> awaiting = new ArrayList<>(rules.awaiting(state));
            if (awaiting.isEmpty()) {
                report.violation(g, "the game is neither over nor waiting for anyone");
                return;
            }
            // One awaited seat moves, or (half the time) every awaited seat moves, in random order, each
            // against the version all of them saw: seats of one step never make each other's moves stale.
            List<Integer> order = awaiting.size() > 1 && random.nextBoolean() ? random.shuffle(awaiting)
                    : List.of(awaiting.get(random.nextInt(awaiting.size())));
            long seen = room.version();
            Set<Integer> open = new HashSet<>(awaiting);
            for (int i = 0; i < order.size() && room.phase() == Phase.PLAY; i++) {
                int seat = order.get(i);
                S current = game.typed(room.state());
                if (!open.contains(seat) || !Objects.equals(rules.choices(state, seat), rules.choices(current, seat))) {
                    break; // the step ended, or this seat's choices changed: its move would rightly be stale
                }
                if (++moves > maxMoves) {
                    report.violation(g, "no end after " + maxMoves + " moves");
                    return;
                }
                Optional<A> action = rules.bot(state, seat, random);
                if (action.isEmpty()) {
                    report.violation(g, "the bot policy has no move for awaited seat " + seat);
                    return;
                }
                report.leaks(g, checker.checkAction(current, seat, action.get(), now, room.facts().seed(), room.slot().moves(),
                        sample(players, seat, random), random));
                Member actor = room.inSeat(seat).orElseThrow();
                long before = room.version();
                Result step = engine.handle(room, new Command.Act(actor.id(), Json.tree(action.get()), seen,
                        "k" + moves), now);
                if (!step.reply().accepted()) {
                    report.violation(g, (i == 0 ? "the bot's move " : "seat " + seat + "'s move ")
                            + Json.tree(action.get()) + " against version " + seen + " was refused: " + step.reply());
                    return;
                }
                if (step.room().version() != before + 1) {
                    report.violation(g, "the version did not advance by one");
                }
                if (moves % roundTripEvery == 0) {
                    storedChangeReproduces(g, room, step.room(), report);
                }
                room = step.room();
                log.addAll(step.moves());
                now = now.plusSeconds(1);
                checkStep(g, game, checker, room, viewers, frames, sample(players, null, random), random, report,
                        moves % roundTripEvery == 0);
                Set<Integer> next = rules.awaiting(game.typed(room.state()));
                open.remove(seat);
                if (!open.containsAll(next)) {
                    refusesAnOutdatedStep(g, engine, game, room, before, random, now, report);
                    break;
                }
                open = new HashSet<>(next);
                if (room.phase() == Phase.PLAY && random.nextInt(4) == 0) { // channels close with the game
                    Room chatted = chat(g, engine, game, room, members, random, now, report);
                    if (moves % roundTripEvery == 0) {
                        storedChangeReproduces(g, room, chatted, report);
                    }
                    room = chatted;
                    checkStep(g, game, checker, room, viewers, frames, List.of(), random, report, false);
                }
            }
        }
        finish(g, game, room, log, report);
        report.game(moves);
    }

    /**
     * After a step: leaks for {@code leakViewers}, deltas for the tracked {@code viewers}, the author's
     * invariants, and (when {@code roundTrip}) the room's JSON round trip.
     */
    private void checkStep(int g, GameAdapter<O, S, A> game, LeakChecker<O, S, A> checker, Room room, List<String> viewers,
            Map<String, Held> frames, List<Viewer> leakViewers, GameRandom random,
            RandomPlayReport.Builder report, boolean roundTrip) {
        S state = game.typed(room.state());
        if (!leakViewers.isEmpty()) {
            report.leaks(g, checker.checkState(state, leakViewers, random));
        }
        for (String viewer : viewers) {
            // Both ways a server diffs: typed views (a busy socket) and JSON trees (a quiet one, a catch-up).
            Frame next = Frames.parts(room, game, viewer);
            Frame held = frames.get(viewer).parts();
            JsonNode from = frames.get(viewer).tree();
            JsonNode to = next.tree();
            if (!Frames.applyDelta(from, Frames.delta(held, next), room.version()).equals(to)) {
                report.violation(g, "the typed delta for " + viewer + " does not reproduce its frame");
            }
            // As a node writes it: the shared operations, then the viewer's own written straight to text
            // (the same diff as above through another sink, so checked at every fourth version only).
            // Compared as JSON text reads (sameJson): text holds no Java number types to tell apart.
            if (room.version() % 4 == 0) {
                ArrayNode written = Frames.sharedDelta(held.shared(), next.shared());
                written.addAll((ArrayNode) Json.read("[" + Frames.ownDeltaText(held, next) + "]",
                        JsonNode.class));
                if (!sameJson(Frames.applyDelta(from, written, room.version()), to)) {
                    report.violation(g, "the written delta for " + viewer + " does not reproduce its frame");
                }
            }
            if (!Frames.applyDelta(from, Frames.delta(from, to), room.version()).equals(to)) {
                report.violation(g, "the delta for " + viewer + " does not reproduce its frame");
            }
            frames.put(viewer, new Held(next, to)); // applying a delta copies: this tree stays as it is
        }
        invariants.forEach((name, holds) -> {
            if (!holds.test(state)) {
                report.violation(g, "invariant '" + name + "' broke at version " + room.version());
            }
        });
        if (!roundTrip) {
            return;
        }
        Room again = Json.read(Json.write(room), Room.class);
        if (!Json.tree(again).equals(Json.tree(room))) {
            report.violation(g, "the room does not survive a JSON round trip");
        }
    }

    /** A tracked viewer's last frame, as parts and as the JSON they make (built once, used twice). */
    private record Held(Frame parts, JsonNode tree) {
        static Held of(Frame parts) {
            return new Held(parts, parts.tree());
        }
    }

    /** What a store appends for the step ({@link RoomPatch}) turns the stored room into the next one. */
    private static void storedChangeReproduces(int g, Room before, Room after, RandomPlayReport.Builder report) {
        JsonNode stored = Json.tree(before);
        RoomPatch.applyTo(stored, RoomPatch.between(before, after));
        if (!sameJson(stored, Json.tree(after))) {
            report.violation(g, "the stored change of version " + after.version() + " does not reproduce the room");
        }
    }

    /**
     * Equal as JSON text reads: numbers by value (a tree built from Java values holds ints and longs that
     * text does not tell apart), everything else node for node. The same answer as writing both and parsing
     * them again, without the round trip.
     */
    static boolean sameJson(JsonNode a, JsonNode b) {
        return a.equals(SAME_NUMBER, b);
    }

    private static final Comparator<JsonNode> SAME_NUMBER = (x, y) -> {
        if (x.isNumber() && y.isNumber()) {
            if (x.isIntegralNumber() != y.isIntegralNumber()) {
                return 1; // "1" and "1.0" read back as different nodes
            }
            return x.isIntegralNumber() ? x.bigIntegerValue().compareTo(y.bigIntegerValue())
                    : Double.compare(x.doubleValue(), y.doubleValue());
        }
        return x.equals(y) ? 0 : 1;
    };

    /** A new step began after version {@code before}: a move of an awaited seat that expects {@code before} is stale. */
    private void refusesAnOutdatedStep(int g, RoomEngine engine, GameAdapter<O, S, A> game, Room room, long before,
            GameRandom random, Instant now, RandomPlayReport.Builder report) {
        if (room.phase() != Phase.PLAY) {
            return;
        }
        S state = game.typed(room.state());
        List<Integer> awaiting = new ArrayList<>(rules.awaiting(state));
        if (awaiting.isEmpty()) {
            return;
        }
        int seat = random.pick(awaiting);
        Optional<A> action = rules.bot(state, seat, random);
        if (action.isEmpty()) {
            return;
        }
        Member actor = room.inSeat(seat).orElseThrow();
        Result step = engine.handle(room, new Command.Act(actor.id(), Json.tree(action.get()), before, null), now);
        if (!(step.reply() instanceof Reply.Rejected rejected)
                || !rejected.rejection().code().equals(ErrorCode.ACTION_STALE_VERSION.code())) {
            report.violation(g, "seat " + seat + "'s move against version " + before
                    + ", from before its step began, was not refused as stale: " + step.reply());
        }
    }

    /** A random seat writes to a random channel: only readers may receive it; non-writers are refused. */
    private Room chat(int g, RoomEngine engine, GameAdapter<O, S, A> game, Room room, List<String> members,
            GameRandom random, Instant now, RandomPlayReport.Builder report) {
        List<Channel> channels = game.channels(room.state());
        if (channels.isEmpty()) {
            return room;
        }
        Channel channel = random.pick(channels);
        Member sender = room.member(random.pick(members)).orElseThrow();
        Result step = engine.handle(room, new Command.Send(sender.id(), Target.channel(channel.id()), "psst", null), now);
        boolean mayWrite = channel.writers().contains(sender.seat());
        if (step.reply().accepted() != mayWrite) {
            report.violation(g, "channel " + channel.id() + ": seat " + sender.seat() + " writing was "
                    + (mayWrite ? "refused" : "allowed"));
        }
        step.deliveries().forEach(d -> {
            Integer seat = room.member(d.member()).map(Member::seat).orElse(null);
            if (seat == null || !channel.readers().contains(seat)) {
                report.violation(g, "a message to channel " + channel.id() + " reached " + d.member());
            }
        });
        return step.room();
    }

    private void finish(int g, GameAdapter<O, S, A> game, Room room, List<Move> log, RandomPlayReport.Builder report) {
        if (room.slot().outcome() == null) {
            report.violation(g, "the game ended without an outcome");
            return;
        }
        report.outcome(room.slot().outcome().summary());
        if (!Json.tree(Json.read(Json.write(room), Room.class)).equals(Json.tree(room))) {
            report.violation(g, "the finished room does not survive a JSON round trip");
        }
        JsonNode replayed = Replay.state(game, room.facts().options(), room.slot().players(), room.facts().seed(), log, log.size());
        if (!replayed.equals(room.state())) {
            report.violation(g, "replaying the move log does not reproduce the final state");
        }
    }
}
