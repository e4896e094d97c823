package io.roundtable.core.room;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the game offers its awaited seats in one state: that they are awaited, and the choices the
 * rules declare ({@link io.roundtable.core.spi.GameRules#choices}). Comparing the offers before and
 * after a move says whose move would now be stale.
 * <p>
 * A step lasts while the awaited seats only finish: after a move, when every awaited seat was
 * already awaited and did not just act, the step goes on (several seats voting at once); when a seat
 * is newly awaited, or the seat that acted is awaited again, a new step begins for every awaited seat.
 */
record Offers(Set<Integer> awaiting, Map<Integer, Object> choices) {
    static final Offers NONE = new Offers(Set.of(), Map.of());

    static Offers of(GameAdapter<?, ?, ?> game, JsonNode state) {
        Set<Integer> awaiting = game.awaiting(state);
        Map<Integer, Object> choices = new HashMap<>();
        for (int seat : awaiting) {
            choices.put(seat, game.choices(state, seat));
        }
        return new Offers(Set.copyOf(awaiting), choices);
    }

    /**
     * The seats' offered-since versions once the game moved from these offers to {@code next}: a seat
     * whose step began or whose choices changed is offered since {@code version}; the others keep theirs.
     *
     * @param actor the seat that moved, or null when no seat did (a dynamic seat came or went)
     */
    Map<Integer, Long> next(Offers next, Integer actor, Map<Integer, Long> since, long version) {
        Set<Integer> stillAwaited = new HashSet<>(awaiting);
        if (actor != null) {
            stillAwaited.remove(actor);
        }
        boolean newStep = !stillAwaited.containsAll(next.awaiting);
        Map<Integer, Long> offered = new HashMap<>();
        for (int seat : next.awaiting) {
            boolean same = !newStep && since.containsKey(seat)
                    && Objects.equals(choices.get(seat), next.choices.get(seat));
            offered.put(seat, same ? since.get(seat) : version);
        }
        return offered;
    }
}
