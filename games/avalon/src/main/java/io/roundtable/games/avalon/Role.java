package io.roundtable.games.avalon;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The characters. What each one sees at night is data, in {@link Visibility}. */
public enum Role {
    MERLIN(Side.GOOD, "Merlin"),
    PERCIVAL(Side.GOOD, "Percival"),
    SERVANT(Side.GOOD, "Loyal Servant of Arthur"),
    MORGANA(Side.EVIL, "Morgana"),
    MORDRED(Side.EVIL, "Mordred"),
    OBERON(Side.EVIL, "Oberon"),
    ASSASSIN(Side.EVIL, "the Assassin"),
    MINION(Side.EVIL, "Minion of Mordred");

    private final Side side;
    private final String title;
    private final String id = name().toLowerCase(Locale.ROOT);

    Role(Side side, String title) {
        this.side = side;
        this.title = title;
    }

    public Side side() {
        return side;
    }

    public boolean isEvil() {
        return side == Side.EVIL;
    }

    /** Servants and minions are the plain cards; the others are special and appear at most once. */
    public boolean isPlain() {
        return this == SERVANT || this == MINION;
    }

    public String title() {
        return title;
    }

    /** The name used in options and views: {@code "merlin"}, {@code "servant"}… */
    @JsonValue
    public String id() {
        return id;
    }

    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
