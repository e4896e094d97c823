package io.roundtable.games.avalon;

import static io.roundtable.games.avalon.Role.ASSASSIN;
import static io.roundtable.games.avalon.Role.MERLIN;
import static io.roundtable.games.avalon.Role.MINION;
import static io.roundtable.games.avalon.Role.MORDRED;
import static io.roundtable.games.avalon.Role.MORGANA;
import static io.roundtable.games.avalon.Role.OBERON;
import static io.roundtable.games.avalon.Role.PERCIVAL;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The night, as data: which role sees which other role, and as what. Roles that differ only in
 * who sees whom are rows of this table, not classes. Servants and Oberon have no row: they see no one.
 */
public final class Visibility {

    /** What a seat is shown as: never the role itself. */
    public enum Label {
        EVIL, MERLIN_OR_MORGANA;

        private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

        @JsonValue
        public String id() {
            return id;
        }
    }

    /** The evil who know each other: everyone evil but Oberon. */
    private static final Set<Role> EVIL_TEAM = EnumSet.of(MORGANA, MORDRED, ASSASSIN, MINION);

    private static final Map<Role, Map<Role, Label>> TABLE = new EnumMap<>(Role.class);

    static {
        row(MERLIN, Label.EVIL, EnumSet.of(MORGANA, ASSASSIN, MINION, OBERON)); // not Mordred
        row(PERCIVAL, Label.MERLIN_OR_MORGANA, EnumSet.of(MERLIN, MORGANA));
        EVIL_TEAM.forEach(role -> row(role, Label.EVIL, EVIL_TEAM));
    }

    private Visibility() {
    }

    private static void row(Role viewer, Label label, Set<Role> seen) {
        Map<Role, Label> row = TABLE.computeIfAbsent(viewer, r -> new EnumMap<>(Role.class));
        seen.forEach(role -> row.put(role, label));
    }

    /** How a {@code viewer} role sees a {@code target} role at night, if at all. */
    public static Optional<Label> sees(Role viewer, Role target, AvalonOptions options) {
        if (viewer == MERLIN && target == OBERON && options.oberonHiddenFromMerlin()) {
            return Optional.empty();
        }
        return Optional.ofNullable(TABLE.getOrDefault(viewer, Map.of()).get(target));
    }

    /** What {@code seat} saw at night: other seats and their labels, in seat order (so Percival's pair is unordered). */
    public static Map<Integer, Label> night(AvalonState state, int seat) {
        Map<Integer, Label> seen = new LinkedHashMap<>();
        for (int other = 0; other < state.roles().size(); other++) {
            if (other != seat) {
                Optional<Label> label = sees(state.roles().get(seat), state.roles().get(other), state.options());
                if (label.isPresent()) {
                    seen.put(other, label.get());
                }
            }
        }
        return seen;
    }

    /**
     * Everything {@code seat} knows about {@code other}'s role, as one label: the night label and
     * the loyalty the Lady of the Lake showed them, e.g. {@code "evil"}, {@code "lady:good"},
     * {@code "merlin-or-morgana+lady:evil"}; empty when nothing. Two seats with equal labels are
     * indistinguishable to this seat (the leak checker relies on that).
     */
    public static Optional<String> knowledge(AvalonState state, int seat, int other) {
        StringBuilder label = new StringBuilder();
        sees(state.roles().get(seat), state.roles().get(other), state.options()).ifPresent(l -> label.append(l.id()));
        for (AvalonState.LadyUse use : state.ladyUses()) {
            if (use.holder() == seat && use.target() == other) {
                label.append(label.length() > 0 ? "+" : "").append("lady:").append(state.loyalty(other).id());
            }
        }
        return label.length() == 0 ? Optional.empty() : Optional.of(label.toString());
    }

    /** Whether {@code seat} knows {@code other} to be evil (from the night or the Lady). */
    public static boolean knowsEvil(AvalonState state, int seat, int other) {
        boolean night = sees(state.roles().get(seat), state.roles().get(other), state.options())
                .filter(Label.EVIL::equals).isPresent();
        boolean lady = state.ladyUses().stream().anyMatch(use -> use.holder() == seat && use.target() == other)
                && state.loyalty(other) == Side.EVIL;
        return night || lady;
    }
}
