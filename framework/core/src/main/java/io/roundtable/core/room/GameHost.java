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
public final class GameHost<O, S, A> {
    private final GameRules<O, S, A> rules;
    /**
     * The last state tree read or written, with its typed value: one command asks about the same state
     * several times (awaiting, apply, outcome, bots, timer, views), and reading JSON is the costly part.
     * Trees are never mutated once made, so identity is enough.
     */
    private volatile Typed<S> last;

    private record Typed<S>(JsonNode tree, S state) {
    }

    public GameHost(GameRules<O, S, A> rules) {
        this.rules = rules;
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
                    : Json.convert(json, rules.optionsType());
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

    /** Applies an action given as JSON; one that does not have the game's shape is rejected as malformed. */
    public Applied apply(JsonNode state, int seat, JsonNode actionJson, Turn turn) {
        A action;
        try {
            action = Json.convert(actionJson, rules.actionType());
        } catch (IllegalArgumentException e) {
            return new Applied(null, List.of(), ErrorCode.ACTION_MALFORMED.rejection(
                    "This action does not have the shape the game expects: " + JsonErrors.describe(e)));
        }
        Decision<S> decision = rules.apply(typed(state), seat, action, turn);
        if (decision instanceof Decision.Accepted<S> accepted) {
            JsonNode tree = Json.tree(accepted.state());
            last = new Typed<>(tree, accepted.state());
            return new Applied(tree, accepted.events(), null);
        }
        return new Applied(null, List.of(), ((Decision.Rejected<S>) decision).rejection());
    }

    /** The result of applying an action: a new state with events, or a rejection. */
    public record Applied(JsonNode state, List<Object> events, Rejection rejection) {
        public boolean accepted() {
            return rejection == null;
        }
    }

    public JsonNode view(JsonNode state, Viewer viewer) {
        return Json.tree(rules.view(typed(state), viewer));
    }

    /** What {@code viewer} may learn of seat {@code seat}'s {@code action}, made in {@code state}. */
    public JsonNode moveView(JsonNode state, int seat, JsonNode action, Viewer viewer) {
        return Json.tree(rules.moveView(typed(state), seat, Json.convert(action, rules.actionType()), viewer));
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
        Typed<S> cached = last;
        if (cached != null && cached.tree() == state) {
            return cached.state();
        }
        S typed = Json.convert(state, rules.stateType());
        last = new Typed<>(state, typed);
        return typed;
    }

    public O typedOptions(JsonNode options) {
        return Json.convert(options, rules.optionsType());
    }
}
