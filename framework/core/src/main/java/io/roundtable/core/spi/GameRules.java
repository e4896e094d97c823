package io.roundtable.core.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;

/**
 * What a game author writes: the rules of one game, as pure functions of the game state.
 * <p>
 * No I/O, no clock and no hidden randomness: randomness comes in through {@link GameRandom}, time
 * through {@link Turn#now()}, so a match replays exactly from its seed and action log.
 *
 * @param <O> the options a room is created with (a record; validated by {@link #validate})
 * @param <S> the whole game state, secrets included (a record; stored as JSON)
 * @param <A> an action a seat can take (usually a sealed interface of records)
 */
public interface GameRules<O, S, A> {

    /** Short, stable id of the room type, e.g. {@code "avalon"}. */
    String id();

    /** A one-line description for lobbies. */
    default String title() {
        return id();
    }

    /** The options record; read from {@code implements GameRules<Options, State, Action>} unless overridden. */
    default Class<O> optionsType() {
        return TypeArguments.of(getClass(), 0, "optionsType");
    }

    /** The state record; read from the type arguments unless overridden. */
    default Class<S> stateType() {
        return TypeArguments.of(getClass(), 1, "stateType");
    }

    /** The action type; read from the type arguments unless overridden. */
    default Class<A> actionType() {
        return TypeArguments.of(getClass(), 2, "actionType");
    }

    /** Options used when a room is created without any. */
    O defaultOptions();

    /** How many seats, how members join, what happens when a seated player is lost. */
    Policy policy(O options);

    /** Problems with the options, in sentences a player understands; empty when valid. */
    default List<Rejection> validate(O options) {
        return List.of();
    }

    /** The initial state for {@code players} seats (0 … players-1, in table order). */
    S setup(int players, O options, GameRandom random);

    /** The seats the game is waiting for; empty once the game is over. */
    Set<Integer> awaiting(S state);

    /**
     * Applies one action of one awaited seat (the engine answers any other seat {@code action/not_your_turn}
     * before asking): a new state, or a typed rejection that changes nothing.
     */
    Decision<S> apply(S state, int seat, A action, Turn turn);

    /** What one viewer may see: a seat's view, or a spectator's ({@link Viewer#SPECTATOR}). */
    Object view(S state, Viewer viewer);

    /**
     * What a viewer may learn of one move: seat {@code seat}'s {@code action}, made in {@code state}. The
     * archive's move log and every replay step show moves through this, never the raw action. By default
     * only the kind of move ({@link #kindOnly}: {@code {"type":"quest"}}); return the action itself to
     * those who saw it live (the actor, or everyone for a public move).
     */
    default Object moveView(S state, int seat, A action, Viewer viewer) {
        return kindOnly(action);
    }

    /**
     * What seat {@code seat} is offered in this state (usually what its view calls {@code youMay}); null
     * when the game does not say. A move is stale when, since the version its sender saw, the seat's
     * step began or this changed; another seat's move in the same step never makes it stale.
     */
    default Object choices(S state, int seat) {
        return null;
    }

    /** The result once the game is over. */
    Optional<Outcome> outcome(S state);

    /** Private channels open in this state, and which seats may read and write each. */
    default List<Channel> channels(S state) {
        return List.of();
    }

    /** Where the rules keep secrets, and who sees what of each (used by the testkit's leak checker). */
    default List<Secret> secrets(S state) {
        return List.of();
    }

    /** A legal action for a bot in this seat (called only for awaited seats). */
    default Optional<A> bot(S state, int seat, GameRandom random) {
        return Optional.empty();
    }

    /** The current step's turn timer, if the options ask for one. */
    default Optional<TurnTimer> timer(S state, O options) {
        return Optional.empty();
    }

    /** The action taken for an awaited seat whose turn timer expired; by default what a bot would do. */
    default Optional<A> onTimeout(S state, int seat, GameRandom random) {
        return bot(state, seat, random);
    }

    /** Dynamic rooms: a member took seat {@code seat} during play. */
    default S onJoin(S state, int seat) {
        return state;
    }

    /** Dynamic rooms: the member in seat {@code seat} left during play. */
    default S onLeave(S state, int seat) {
        return state;
    }

    /**
     * Where the view holds seat numbers (indexes from 0), as JSON Pointers into it, e.g. {@code "/turn"},
     * {@code "/winners"}, {@code "/bid/seat"}: each names a number or a list of numbers, every one a seat.
     * The browser's generic table shows them as people do, the seat counted from 1 and its player's name
     * ({@code you} always is one). GET /api/games lists them as {@code seatFields}.
     */
    default List<String> seatFields() {
        return List.of();
    }

    /** Rooms of this game always have a voice mesh (a voice room); any other room may ask for one at creation. */
    default boolean voice() {
        return false;
    }

    /** Only the kind of an action: its {@code "type"} discriminator, e.g. {@code {"type":"vote"}}; {@code {}} without one. */
    static Object kindOnly(Object action) {
        JsonNode type = Json.tree(action).get("type");
        return type != null && type.isTextual() ? Map.of("type", type.asText()) : Map.of();
    }

    /** Whether spectators may write room-wide chat in this state (e.g. not during an assassination). */
    default boolean spectatorsMayChat(S state) {
        return true;
    }
}
