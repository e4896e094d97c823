package io.roundtable.core.room;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.json.Json;
import io.roundtable.core.spi.Channel;
import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.GameRules;
import io.roundtable.core.spi.Outcome;
import io.roundtable.core.spi.Policy;
import io.roundtable.core.spi.Rejection;
import io.roundtable.core.spi.Secret;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.TurnTimer;
import io.roundtable.core.spi.Viewer;

/**
 * Runs one game's typed rules on the JSON the room stores: options, state and actions are
 * converted at this boundary, so the room engine stays game-agnostic.
 */
public final class GameAdapter<O, S, A> {
    private final GameRules<O, S, A> rules;
    private final StateReader<S> states;
    /** The rules' type arguments, read once (by reflection, unless the rules name them). */
    private final Class<O> optionsType;
    private final Class<A> actionType;

    public GameAdapter(GameRules<O, S, A> rules) {
        this(rules, StateReader.Reading.PLAIN);
    }

    /** An adapter whose state reader {@code reading} makes (for instance, one that remembers the last state). */
    public GameAdapter(GameRules<O, S, A> rules, StateReader.Reading reading) {
        this.rules = rules;
        Class<S> stateType = rules.stateType();
        this.optionsType = rules.optionsType();
        this.actionType = rules.actionType();
        this.states = reading.reader(tree -> Json.convert(tree, stateType));
    }

    public GameRules<O, S, A> rules() {
        return rules;
    }

    public String id() {
        return rules.id();
    }

    /** Reads options; malformed JSON or a failed validation becomes rejections. */
    public Validated options(JsonNode json) {
        O options;
        try {
            options = json == null || json.isNull() || json.isEmpty() && json.isObject()
                    ? rules.defaultOptions()
                    : Json.convert(json, optionsType);
        } catch (IllegalArgumentException e) {
            return new Validated(null, List.of(ErrorCode.ROOM_INVALID_OPTIONS.rejection(
                    "The options do not have the shape this game expects: " + JsonErrors.describe(e))));
        }
        List<Rejection> problems = rules.validate(options);
        return new Validated(problems.isEmpty() ? Json.tree(options) : null, problems);
    }

    /** Options as read and normalised, or the problems that prevent it. */
    public record Validated(JsonNode options, List<Rejection> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Policy policy(JsonNode options) {
        return rules.policy(typedOptions(options));
    }

    public JsonNode setup(int players, JsonNode options, GameRandom random) {
        return Json.tree(rules.setup(players, typedOptions(options), random));
    }

    public Set<Integer> awaiting(JsonNode state) {
        return rules.awaiting(typed(state));
    }

    /**
     * Applies an action given as JSON; one that does not have the game's shape is rejected as malformed.
     * The rules' decision comes back with the new state as JSON.
     */
    public Decision<JsonNode> apply(JsonNode state, int seat, JsonNode actionJson, Turn turn) {
        A action;
        try {
            action = Json.convert(actionJson, actionType);
        } catch (IllegalArgumentException e) {
            return Decision.reject(ErrorCode.ACTION_MALFORMED.rejection(
                    "This action does not have the shape the game expects: " + JsonErrors.describe(e)));
        }
        Decision<S> decision = rules.apply(typed(state), seat, action, turn);
        if (decision instanceof Decision.Accepted<S> accepted) {
            JsonNode tree = Json.tree(accepted.state());
            states.wrote(tree, accepted.state());
            return new Decision.Accepted<>(tree, accepted.events());
        }
        return Decision.reject(((Decision.Rejected<S>) decision).rejection());
    }

    public JsonNode view(JsonNode state, Viewer viewer) {
        return Json.tree(typedView(state, viewer));
    }

    /** The view as the rules return it, before it becomes JSON. */
    public Object typedView(JsonNode state, Viewer viewer) {
        return rules.view(typed(state), viewer);
    }

    /** What {@code viewer} may learn of seat {@code seat}'s {@code action}, made in {@code state}. */
    public JsonNode moveView(JsonNode state, int seat, JsonNode action, Viewer viewer) {
        return Json.tree(rules.moveView(typed(state), seat, Json.convert(action, actionType), viewer));
    }

    /** What seat {@code seat} is offered in this state; null when the game does not say. */
    public Object choices(JsonNode state, int seat) {
        return rules.choices(typed(state), seat);
    }

    public Optional<Outcome> outcome(JsonNode state) {
        return rules.outcome(typed(state));
    }

    public List<Channel> channels(JsonNode state) {
        return rules.channels(typed(state));
    }

    public List<Secret> secrets(JsonNode state) {
        return rules.secrets(typed(state));
    }

    public Optional<JsonNode> bot(JsonNode state, int seat, GameRandom random) {
        return rules.bot(typed(state), seat, random).map(Json::tree);
    }

    public Optional<JsonNode> onTimeout(JsonNode state, int seat, GameRandom random) {
        return rules.onTimeout(typed(state), seat, random).map(Json::tree);
    }

    public Optional<TurnTimer> timer(JsonNode state, JsonNode options) {
        return rules.timer(typed(state), typedOptions(options));
    }

    public JsonNode onJoin(JsonNode state, int seat) {
        return Json.tree(rules.onJoin(typed(state), seat));
    }

    public JsonNode onLeave(JsonNode state, int seat) {
        return Json.tree(rules.onLeave(typed(state), seat));
    }

    public boolean spectatorsMayChat(JsonNode state) {
        return state == null || rules.spectatorsMayChat(typed(state));
    }

    public S typed(JsonNode state) {
        return states.read(state);
    }

    public O typedOptions(JsonNode options) {
        return Json.convert(options, optionsType);
    }
}
