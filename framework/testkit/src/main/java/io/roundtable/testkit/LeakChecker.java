package io.roundtable.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.spi.Channel;
import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.GameRules;
import io.roundtable.core.spi.Secret;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.Viewer;
import io.roundtable.core.view.Deltas;

/**
 * Proves, for any rule module, that no viewer learns a hidden fact the rules keep from them.
 * <p>
 * The rules declare their secrets ({@link GameRules#secrets}). For each viewer the checker builds
 * states that differ only in hidden facts this viewer cannot tell apart (swapped roles both
 * unknown to them, another vote they cannot see…) and demands that everything the viewer would
 * receive stays identical: their view, the channels they belong to, the reply to their own action
 * and the public events of any action, and what replays and the archive show of a move
 * ({@link GameRules#moveView}). Anything that differs is a {@link Leak}. Deltas are diffs of two views
 * of one viewer, so views that leak nothing give deltas that leak nothing.
 */
public final class LeakChecker<O, S, A> {
    /** Tries of the bot and timeout policies for other moves the actor could have made. */
    private static final int ALTERNATIVE_MOVES = 3;
    private final GameRules<O, S, A> rules;
    private final int perturbationsPerViewer;

    private LeakChecker(GameRules<O, S, A> rules, int perturbationsPerViewer) {
        this.rules = rules;
        this.perturbationsPerViewer = perturbationsPerViewer;
    }

    public static <O, S, A> LeakChecker<O, S, A> of(GameRules<O, S, A> rules) {
        return new LeakChecker<>(rules, 3);
    }

    /** How many indistinguishable variants to try per viewer and check (more is slower and stricter). */
    public LeakChecker<O, S, A> perturbations(int perViewer) {
        return new LeakChecker<>(rules, perViewer);
    }

    /** Every seat's and the spectator's view and channels in this state. */
    public List<Leak> checkState(S state, int players, GameRandom random) {
        return checkState(state, viewers(players), random);
    }

    /** The given viewers' views and channels in this state. */
    public List<Leak> checkState(S state, List<Viewer> viewers, GameRandom random) {
        List<Leak> leaks = new ArrayList<>();
        JsonNode json = Json.tree(state);
        List<Secret> secrets = rules.secrets(state);
        for (Viewer viewer : viewers) {
            JsonNode seen = observable(state, viewer);
            for (Perturbation p : Perturbation.unnoticeableBy(viewer, json, secrets, perturbationsPerViewer, random)) {
                S other = variant(p, json);
                JsonNode otherSeen = observable(other, viewer);
                if (!seen.equals(otherSeen)) {
                    leaks.add(new Leak(viewer.toString(), where(seen, otherSeen), p.description(),
                            firstDifference(seen, otherSeen)));
                }
            }
        }
        return leaks;
    }

    /**
     * One action: its reply may not depend on anything the actor cannot see, and its public events
     * may not depend on anything any viewer cannot see.
     */
    public List<Leak> checkAction(S before, int seat, A action, Instant now, long seed, long step, int players,
            GameRandom random) {
        return checkAction(before, seat, action, now, seed, step, viewers(players), random);
    }

    /**
     * As above for the given viewers only (include the actor's seat to check the reply). {@code seed} and
     * {@code step} give the action the seeded random source it has in the room ({@link GameRandom#forStep}).
     */
    public List<Leak> checkAction(S before, int seat, A action, Instant now, long seed, long step, List<Viewer> viewers,
            GameRandom random) {
        List<Leak> leaks = new ArrayList<>();
        JsonNode json = Json.tree(before);
        List<Secret> secrets = rules.secrets(before);
        Supplier<Turn> turn = () -> new Turn(now, GameRandom.forStep(seed, step));
        Decision<S> real = rules.apply(before, seat, action, turn.get());
        for (Viewer viewer : viewers) {
            JsonNode shown = Json.tree(rules.moveView(before, seat, action, viewer));
            for (Perturbation p : Perturbation.unnoticeableBy(viewer, json, secrets, perturbationsPerViewer, random)) {
                S other = variant(p, json);
                Decision<S> alt = rules.apply(other, seat, action, turn.get());
                if (viewer.is(seat) && !reply(real).equals(reply(alt))) {
                    leaks.add(new Leak(viewer.toString(), "reply", p.description(),
                            reply(real) + " became " + reply(alt)));
                }
                if (real instanceof Decision.Accepted<S> a && alt instanceof Decision.Accepted<S> b
                        && !Json.tree(a.events()).equals(Json.tree(b.events()))) {
                    leaks.add(new Leak(viewer.toString(), "events", p.description(),
                            Json.tree(a.events()) + " became " + Json.tree(b.events())));
                }
                JsonNode otherShown = Json.tree(rules.moveView(other, seat, action, viewer));
                if (real instanceof Decision.Accepted<S> && !shown.equals(otherShown)) {
                    leaks.add(new Leak(viewer.toString(), "move view", p.description(), shown + " became " + otherShown));
                }
            }
        }
        if (real instanceof Decision.Accepted<S> accepted) {
            leaks.addAll(checkMoveView(before, seat, action, accepted, turn, GameRandom.forStep(seed, step),
                    viewers));
        }
        return leaks;
    }

    /**
     * What a replay or the archive shows of a move: for every viewer but the actor, other moves the seat
     * could have made that this viewer could not tell apart live (the same view, channels and events
     * after them) must look the same in the move view too. The other moves come from the game's bot and
     * timeout policies; they are applied only where a move view differs, which is rare.
     */
    private List<Leak> checkMoveView(S before, int seat, A action, Decision.Accepted<S> real, Supplier<Turn> turn,
            GameRandom random, List<Viewer> viewers) {
        JsonNode actionJson = Json.tree(action);
        Map<JsonNode, A> others = new LinkedHashMap<>();
        for (int i = 0; i < ALTERNATIVE_MOVES; i++) {
            for (Optional<A> candidate : List.of(rules.bot(before, seat, random), rules.onTimeout(before, seat, random))) {
                candidate.ifPresent(other -> others.putIfAbsent(Json.tree(other), other));
            }
        }
        others.remove(actionJson);
        List<Leak> leaks = new ArrayList<>();
        Map<JsonNode, Optional<Decision.Accepted<S>>> applied = new HashMap<>();
        for (Viewer viewer : viewers) {
            if (viewer.is(seat)) {
                continue; // the actor knows what it did
            }
            JsonNode shown = Json.tree(rules.moveView(before, seat, action, viewer));
            JsonNode seen = null;
            for (Map.Entry<JsonNode, A> other : others.entrySet()) {
                JsonNode otherShown = Json.tree(rules.moveView(before, seat, other.getValue(), viewer));
                if (shown.equals(otherShown)) {
                    continue;
                }
                Optional<Decision.Accepted<S>> result = applied.computeIfAbsent(other.getKey(),
                        k -> rules.apply(before, seat, other.getValue(), turn.get()) instanceof Decision.Accepted<S> a
                                ? Optional.of(a) : Optional.empty());
                if (result.isEmpty()) {
                    continue;
                }
                seen = seen != null ? seen : observedAfter(real, viewer);
                if (seen.equals(observedAfter(result.get(), viewer))) {
                    leaks.add(new Leak(viewer.toString(), "move view", "seat " + seat + " playing " + actionJson
                            + " or " + other.getKey(), shown + " became " + otherShown));
                }
            }
        }
        return leaks;
    }

    /** What a viewer saw live of a move's result: its view and channels afterwards, and the move's public events. */
    private JsonNode observedAfter(Decision.Accepted<S> accepted, Viewer viewer) {
        ObjectNode node = (ObjectNode) observable(accepted.state(), viewer);
        node.set("events", Json.tree(accepted.events()));
        return node;
    }

    /**
     * What a viewer receives that depends on the state: the game's view, their channels, and once the game
     * is over its outcome (which the archive shows to everyone).
     */
    JsonNode observable(S state, Viewer viewer) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("view", Json.tree(rules.view(state, viewer)));
        rules.outcome(state).ifPresent(outcome -> node.set("outcome", Json.tree(outcome)));
        ArrayNode channels = node.putArray("channels");
        if (!viewer.isSpectator()) {
            rules.channels(state).stream().filter(c -> c.readers().contains(viewer.seat()))
                    .sorted(Comparator.comparing(Channel::id)).forEach(c -> {
                        ObjectNode channel = channels.addObject();
                        channel.put("id", c.id());
                        channel.put("canWrite", c.writers().contains(viewer.seat()));
                        ArrayNode readers = channel.putArray("readers");
                        c.readers().stream().sorted().forEach(readers::add);
                    });
        }
        return node;
    }

    private S variant(Perturbation perturbation, JsonNode state) {
        try {
            return Json.convert(perturbation.applyTo(state), rules.stateType());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("after '" + perturbation.description()
                    + "' the state no longer reads back: declare only swappable secrets", e);
        }
    }

    private static String reply(Decision<?> decision) {
        return decision instanceof Decision.Rejected<?> r
                ? "rejected " + r.rejection().code() + " \"" + r.rejection().message() + "\""
                : "accepted";
    }

    /** Every seat of a game of {@code players}, and the spectator. */
    public static List<Viewer> viewers(int players) {
        List<Viewer> viewers = new ArrayList<>();
        for (int seat = 0; seat < players; seat++) {
            viewers.add(Viewer.seat(seat));
        }
        viewers.add(Viewer.SPECTATOR);
        return viewers;
    }

    private static String where(JsonNode a, JsonNode b) {
        if (!a.get("view").equals(b.get("view"))) {
            return "view";
        }
        return Objects.equals(a.get("outcome"), b.get("outcome")) ? "channels" : "outcome";
    }

    private static String firstDifference(JsonNode a, JsonNode b) {
        JsonNode patch = Deltas.diff(a, b);
        String text = patch.size() > 0 ? patch.get(0).toString() : "?";
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
