package io.roundtable.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.json.Json;
import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Replay;
import io.roundtable.core.room.WhoseTurn;
import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.GameRules;
import io.roundtable.core.spi.Outcome;
import io.roundtable.core.spi.Rejection;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.Viewer;

/**
 * A game-level scenario that reads as a sentence:
 * <pre>
 * var game = GameScenario.of(new HighCard()).players(3).seed(7).start();
 * game.act(0, new Swap()).act(1, new Keep());
 * game.rejects(1, new Keep(), "action/not_your_turn");   // seat 2 is on turn
 * assertThat(game.outcome()).isEmpty();
 * </pre>
 * Every accepted move is logged like the server logs it, so {@link #replayed()} can prove the game
 * replays exactly from its seed.
 */
public final class GameScenario<O, S, A> {
    private final GameRules<O, S, A> rules;
    private final GameAdapter<O, S, A> game;
    private int players = -1;
    private long seed = 1;
    private O options;
    private UnaryOperator<S> adjust;
    private S state;
    private final List<Move> moves = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private boolean adjusted;

    private GameScenario(GameRules<O, S, A> rules) {
        this.rules = rules;
        this.game = new GameAdapter<>(rules);
        this.options = rules.defaultOptions();
    }

    public static <O, S, A> GameScenario<O, S, A> of(GameRules<O, S, A> rules) {
        return new GameScenario<>(rules);
    }

    public GameScenario<O, S, A> players(int count) {
        this.players = count;
        return this;
    }

    public GameScenario<O, S, A> seed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    public GameScenario<O, S, A> options(O newOptions) {
        this.options = newOptions;
        return this;
    }

    /** Changes the dealt state before play (e.g. to choose who holds which role). Replays are then off. */
    public GameScenario<O, S, A> dealt(UnaryOperator<S> change) {
        this.adjust = change;
        return this;
    }

    /** Sets up the game; the options must be valid. */
    public GameScenario<O, S, A> start() {
        List<Rejection> problems = rules.validate(options);
        if (!problems.isEmpty()) {
            fail("the options are invalid: " + problems);
        }
        int count = players > 0 ? players : rules.policy(options).minPlayers();
        this.players = count;
        state = rules.setup(count, options, GameRandom.seeded(seed));
        if (adjust != null) {
            state = adjust.apply(state);
            adjusted = true;
        }
        roundTrip();
        return this;
    }

    /** Seat {@code seat} takes {@code action}, which must be accepted. */
    public GameScenario<O, S, A> act(int seat, A action) {
        Decision<S> decision = decide(seat, action);
        if (decision instanceof Decision.Rejected<S> rejected) {
            fail("seat " + seat + " was refused " + action + ": " + rejected.rejection());
        }
        Decision.Accepted<S> accepted = (Decision.Accepted<S>) decision;
        moves.add(new Move(moves.size(), Move.ACT, seat, Json.tree(action), "player", now, moves.size() + 1L));
        events.addAll(accepted.events());
        state = accepted.state();
        roundTrip();
        return this;
    }

    /** Every listed seat takes the same action, in order. */
    public GameScenario<O, S, A> eachActs(Iterable<Integer> seats, A action) {
        seats.forEach(seat -> act(seat, action));
        return this;
    }

    /** Seat {@code seat} tries {@code action} and is refused with {@code code}; nothing changes. */
    public Rejection rejects(int seat, A action, String code) {
        S before = state;
        Decision<S> decision = decide(seat, action);
        if (!(decision instanceof Decision.Rejected<S> rejected)) {
            throw new AssertionError("seat " + seat + " was allowed " + action + " but should be refused with " + code);
        }
        assertEquals(code, rejected.rejection().code(), () -> "refusal of " + action + ": " + rejected.rejection());
        assertEquals(Json.tree(before), Json.tree(state), "a refused action must change nothing");
        return rejected.rejection();
    }

    private Decision<S> decide(int seat, A action) {
        Optional<Rejection> notYourTurn = WhoseTurn.refusal(rules.awaiting(state), seat);
        if (notYourTurn.isPresent()) {
            return Decision.reject(notYourTurn.get());
        }
        return rules.apply(state, seat, action, new Turn(now, GameRandom.forStep(seed, moves.size())));
    }

    /** Moves the scenario's clock (what {@link Turn#now()} says). */
    public GameScenario<O, S, A> after(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    public S state() {
        return state;
    }

    public Set<Integer> awaiting() {
        return rules.awaiting(state);
    }

    public Optional<Outcome> outcome() {
        return rules.outcome(state);
    }

    public boolean over() {
        return outcome().isPresent();
    }

    /** What seat {@code seat} sees, as JSON. */
    public JsonNode viewOf(int seat) {
        return Json.tree(rules.view(state, Viewer.seat(seat)));
    }

    public JsonNode spectatorView() {
        return Json.tree(rules.view(state, Viewer.SPECTATOR));
    }

    /** What seat {@code seat} sees, as the game's own view type. */
    public <V> V viewOf(int seat, Class<V> type) {
        return Json.convert(viewOf(seat), type);
    }

    public List<Move> moves() {
        return List.copyOf(moves);
    }

    public List<Object> events() {
        return List.copyOf(events);
    }

    public int players() {
        return players;
    }

    public O options() {
        return options;
    }

    /** The state rebuilt from seed, options and the move log alone. */
    public S replayed() {
        if (adjusted) {
            throw new IllegalStateException("a scenario with a hand-dealt state cannot be replayed from its seed");
        }
        JsonNode replayed = Replay.state(game, Json.tree(options), players, seed, moves, moves.size());
        return Json.convert(replayed, rules.stateType());
    }

    /** Asserts the state survives the JSON round trip the runtime puts it through. */
    private void roundTrip() {
        JsonNode json = Json.tree(state);
        assertEquals(json, Json.tree(Json.convert(json, rules.stateType())), "the state must survive a JSON round trip");
        assertTrue(rules.outcome(state).isEmpty() || rules.awaiting(state).isEmpty(), "a finished game awaits nobody");
    }
}
