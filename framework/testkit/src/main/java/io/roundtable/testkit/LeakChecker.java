package io.roundtable.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

/**
 * Proves, for any rule module, that no viewer learns a hidden fact the rules keep from them.
 * <p>
 * The rules declare their secrets ({@link GameRules#secrets}). For each viewer the checker builds
 * states that differ only in hidden facts this viewer cannot tell apart (swapped roles both
 * unknown to them, another vote they cannot see…) and demands that everything the viewer would
 * receive stays identical: their view, the channels they belong to, the reply to their own action
 * and the public events of any action. Anything that differs is a {@link Leak}. Deltas are diffs of
 * two views of one viewer, so views that leak nothing give deltas that leak nothing.
 */
public final class LeakChecker<O, S, A> {
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
        Decision<S> real = rules.apply(before, seat, action, new Turn(now, GameRandom.forStep(seed, step)));
        for (Viewer viewer : viewers) {
            for (Perturbation p : Perturbation.unnoticeableBy(viewer, json, secrets, perturbationsPerViewer, random)) {
                S other = variant(p, json);
                Decision<S> alt = rules.apply(other, seat, action, new Turn(now, GameRandom.forStep(seed, step)));
                if (viewer.is(seat) && !reply(real).equals(reply(alt))) {
                    leaks.add(new Leak(viewer.toString(), "reply", p.description(),
                            reply(real) + " became " + reply(alt)));
                }
                if (real instanceof Decision.Accepted<S> a && alt instanceof Decision.Accepted<S> b
                        && !Json.tree(a.events()).equals(Json.tree(b.events()))) {
                    leaks.add(new Leak(viewer.toString(), "events", p.description(),
                            Json.tree(a.events()) + " became " + Json.tree(b.events())));
                }
            }
        }
        return leaks;
    }

    /** What a viewer receives that depends on the state: the game's view and their channels. */
    JsonNode observable(S state, Viewer viewer) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("view", Json.tree(rules.view(state, viewer)));
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
        return a.get("view").equals(b.get("view")) ? "channels" : "view";
    }

    private static String firstDifference(JsonNode a, JsonNode b) {
        JsonNode patch = io.roundtable.core.view.Deltas.diff(a, b);
        String text = patch.size() > 0 ? patch.get(0).toString() : "?";
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
