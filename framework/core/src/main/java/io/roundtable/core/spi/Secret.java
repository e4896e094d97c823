package io.roundtable.core.spi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One hidden fact of the state, declared so that the testkit's leak checker can prove no viewer
 * learns more than the rules allow.
 * <p>
 * {@code path} points (RFC 6901) into the state's JSON. Secrets of the same {@code kind} can swap
 * values (two seats' roles, two players' hands). For each seat, {@code seenAs} says what that seat
 * knows of it: the exact value ({@link #knownTo}), a class ({@link #seenAs(int, String)}: Merlin sees
 * "evil", not the role), or nothing (absent). Spectators know nothing of a declared secret.
 * {@code alternatives} are other values the fact could have had (e.g. the other vote), to catch
 * leaks that a swap cannot (counts, sums).
 * <p>
 * The checker changes secrets in ways a viewer cannot tell apart and demands that viewer's view
 * stays identical. So keep each secret in one place in the state (derive the rest).
 */
public record Secret(String kind, String path, Map<Integer, String> seenBy, List<Object> alternatives) {

    /** What seat {@code seat} knows of the value: {@code "="} for exactly, a class label, or nothing. */
    public static final String EXACT = "=";

    public Secret {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a secret's path is a JSON pointer: " + path);
        }
        seenBy = Map.copyOf(seenBy);
        alternatives = List.copyOf(alternatives);
    }

    public static Secret at(String kind, String path) {
        return new Secret(kind, path, Map.of(), List.of());
    }

    /** These seats know the exact value. */
    public Secret knownTo(Iterable<Integer> seats) {
        Map<Integer, String> seen = new HashMap<>(seenBy);
        seats.forEach(seat -> seen.put(seat, EXACT));
        return new Secret(kind, path, seen, alternatives);
    }

    public Secret knownTo(int... seats) {
        Map<Integer, String> seen = new HashMap<>(seenBy);
        for (int seat : seats) {
            seen.put(seat, EXACT);
        }
        return new Secret(kind, path, seen, alternatives);
    }

    /** This seat knows only a class of the value (e.g. "evil"). */
    public Secret seenAs(int seat, String label) {
        Map<Integer, String> seen = new HashMap<>(seenBy);
        seen.put(seat, label);
        return new Secret(kind, path, seen, alternatives);
    }

    public Secret alternatives(Object... values) {
        return new Secret(kind, path, seenBy, List.of(values));
    }

    /** What a viewer knows of this secret: empty when nothing. */
    public Optional<String> knowledgeOf(Viewer viewer) {
        return viewer.isSpectator() ? Optional.empty() : Optional.ofNullable(seenBy.get(viewer.seat()));
    }
}
